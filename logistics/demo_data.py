"""A fictional school's year of logistics data (示例实验小学) for the demo and the benchmark.

``demo_frames`` returns one DataFrame per input sheet, with the column keys of
``core.schema`` in schema order and canonical values: ``datetime.date`` dates, ``bool``
yes/no (None when blank), ``Choice.key`` for enumerations, int/float numbers, str text and
None for blanks. The data is valid under SPEC §4.5 and contains the cases the demo shows:
a tie, a quality score clamped at 0, an energy spike, late and explained promises, an
overdue plan, staff joining and leaving during the year.

Everything is drawn from ``random.Random(seed)`` (and, for the large log table, a numpy
Generator seeded from it), never from global state or the clock.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .core import schema
from .core.schema import Kind
from .core.settings import SETTING_DEFS
from .core.workdays import WorkCalendar

D = dt.date
DAY = dt.timedelta(days=1)
MIN_STAFF = 20  # enough people for every special case below
INSPECTORS = ("刘建国", "陈素梅", "周文涛")  # the director and deputies of 后勤处
CLAMP_MONTH = 5  # the month the clamped person's inspections sum below -30
CLAMP_FINDINGS = (  # item, points, reason
    ("门岗值守", -10, "夜间值班脱岗，校门无人值守"),
    ("来访登记", -9, "外来人员未登记即放行"),
    ("校园巡逻", -8, "夜间巡逻未到位，监控室无人"),
    ("门岗值守", -7, "交接班记录缺失"),
)
SPIKE_METER, SPIKE_MONTH, SPIKE_FACTOR = "食堂电表", 7, 1.5


@dataclass(frozen=True)
class _Post:
    post_id: str
    name: str
    weight: int  # headcount at the default staff_count (the weights sum to 44)
    minimum: int  # headcount never below this
    target: int  # MonthlyTarget
    hours: float  # TimeLimitHours
    pay: tuple[int, int]  # PayBase range
    duties: str
    quality: str
    quantity: str
    tasks: tuple[str, ...]  # log contents; "{p}" expands over places
    places: tuple[str, ...]
    checks: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]  # item, good/bad reasons

    def contents(self) -> list[str]:
        out: list[str] = []
        for task in self.tasks:
            if "{p}" in task:
                out.extend(task.format(p=p) for p in self.places)
            else:
                out.append(task)
        return out


_BUILDINGS = ("教学楼", "办公楼", "实验楼", "宿舍楼", "食堂", "体育馆")
POSTS: tuple[_Post, ...] = (
    _Post(
        "P01",
        "门卫员",
        4,
        2,
        88,
        0.5,
        (1800, 2300),
        "负责校门值守和出入管理；对来访人员、车辆核验登记；上下学时段维护校门秩序；"
        "夜间按时段巡查校园并做好交接班记录；发现安全隐患及时报告并处置。",
        "门岗不脱岗、不空岗；来访登记完整率100%；巡逻无漏巡，交接班记录清楚；突发情况5分钟内报告。",
        "每班校园巡逻不少于2次，来访登记、车辆核验据实记录；按巡逻与登记次数计，月度不少于88次。",
        (
            "早晨校门值守，护导学生入校",
            "放学时段校门秩序维护",
            "来访人员登记核验",
            "外来车辆登记放行",
            "快递外卖统一存放登记",
            "{p}安全巡逻",
            "夜间巡查{p}门窗",
            "监控画面巡看并记录",
            "消防通道清障检查",
            "交接班记录填写",
            "协助处理家长临时接送",
            "门岗区域卫生整理",
        ),
        ("教学楼", "实验楼", "宿舍区", "操场周边", "食堂后院", "地下车库"),
        (
            (
                "门岗值守",
                ("及时劝阻可疑人员进校", "雨天主动护导学生入校"),
                ("门岗短时脱岗", "值班期间长时间使用手机"),
            ),
            ("来访登记", ("来访登记规范完整",), ("来访登记信息不全",)),
            ("校园巡逻", ("夜间巡逻发现并消除消防隐患",), ("巡逻记录漏记一次",)),
        ),
    ),
    _Post(
        "P02",
        "值班员",
        3,
        1,
        66,
        1,
        (1800, 2400),
        "负责后勤值班室日常值守；接听报修电话并派单跟踪；节假日及夜间值班，做好校园安全巡查；"
        "检查水电门窗关闭情况；填写值班日志。",
        "值班电话响铃三声内接听；报修派单准确及时，跟踪闭环率100%；值班日志填写完整、字迹清楚。",
        "每班巡查不少于3次，报修登记派单据实记录；月度不少于66项。",
        (
            "接听报修电话并登记派单",
            "跟踪报修单完成情况",
            "值班日志填写",
            "夜间巡查{p}",
            "检查{p}水电门窗关闭",
            "节假日值班巡查",
            "协助处理突发停电",
            "钥匙借还登记",
            "值班室物品清点",
            "向后勤主任报告当日值班情况",
        ),
        _BUILDINGS,
        (
            ("值班纪律", ("节假日值班坚守岗位",), ("交接班未签字",)),
            ("报修派单", ("报修跟踪闭环及时",), ("报修派单延误",)),
            ("值班日志", ("夜间及时发现漏水并处置，记录清楚",), ("值班日志填写不完整",)),
        ),
    ),
    _Post(
        "P03",
        "保洁员",
        10,
        3,
        220,
        2,
        (1500, 1900),
        "负责责任区域公共部位的日常保洁；按时清理垃圾并分类投放；卫生间清洁消毒；"
        "配合学校大型活动前后的场地清扫；爱护保洁工具，节约用水用料。",
        "地面无纸屑、无积水、无污渍；卫生间无异味，洗手池、便池洁净；垃圾桶不满溢，分类准确；"
        "每日检查合格率不低于95%。",
        "责任区每日清扫不少于2遍，卫生间每日保洁不少于3次；按保洁项次计，月度不少于220项次。",
        (
            "清扫{p}",
            "拖洗{p}地面",
            "擦拭{p}门窗扶手",
            "清洁消毒{p}卫生间",
            "清运{p}垃圾并分类投放",
            "清洗垃圾桶",
            "雨天铺设防滑垫并清理积水",
            "活动后会场清扫",
        ),
        ("教学楼一层", "教学楼二层", "教学楼三层", "办公楼", "实验楼", "楼梯间", "连廊"),
        (
            (
                "责任区卫生",
                ("责任区卫生保持优良", "主动承担活动后场地清扫"),
                ("楼梯扶手有积灰", "走廊地面有污渍"),
            ),
            ("卫生间保洁", ("卫生间洁净无异味，获师生好评",), ("卫生间有异味",)),
            (
                "垃圾分类",
                ("垃圾分类准确，被评为示范区域",),
                ("垃圾桶满溢未及时清运", "垃圾分类投放错误"),
            ),
        ),
    ),
    _Post(
        "P04",
        "水电工",
        4,
        2,
        44,
        24,
        (2400, 3000),
        "负责全校供电、给排水设施设备的日常巡检和维修；处理报修，一般故障24小时内修复；"
        "每周抄录水电表并参与月度能耗联查；做好配电房、水泵房安全管理。",
        "一般报修24小时内修复，紧急报修30分钟内到场；维修质量合格，一个月内无同一原因返修；"
        "配电房、水泵房记录齐全，无安全事故。",
        "每日完成报修及巡检不少于2项，月度不少于44项；每周完成一次水电表抄录。",
        (
            "更换{p}灯管",
            "检修{p}插座线路",
            "维修{p}水龙头漏水",
            "疏通{p}下水管道",
            "检修{p}空调",
            "巡检配电房",
            "巡检水泵房",
            "抄录水电表读数",
            "更换损坏开关面板",
            "检查消防应急照明",
            "维修饮水机",
            "检修校园路灯",
        ),
        _BUILDINGS,
        (
            ("报修处置", ("连夜抢修停电故障",), ("报修超时未修复",)),
            ("配电房管理", ("提出节电改造建议被采纳",), ("配电房巡检记录未填写",)),
            ("安全操作", ("作业规范，安全防护到位",), ("作业未佩戴绝缘手套",)),
        ),
    ),
    _Post(
        "P05",
        "宿管员",
        5,
        1,
        110,
        1,
        (1700, 2200),
        "负责学生宿舍的日常管理；按时查寝并记录；督促学生整理内务；检查宿舍水电及消防安全；"
        "登记宿舍设施报修；关心住校生生活，发现异常及时报告班主任。",
        "查寝不漏房、不漏人；内务检查记录真实；宿舍无违规电器；学生异常情况及时报告，零安全事故。",
        "每日早、午、晚查寝各1次，内务检查每日1次；月度不少于110项次。",
        (
            "{p}晚间查寝",
            "{p}午休查寝",
            "{p}内务检查",
            "{p}门窗水电检查",
            "宿舍违规电器检查",
            "宿舍设施报修登记",
            "住校生晨起督促",
            "宿舍消防器材检查",
            "住校生返校登记",
            "协助生病学生联系家长就医",
            "宿舍公共区域安全巡查",
        ),
        ("男生宿舍一层", "男生宿舍二层", "女生宿舍一层", "女生宿舍二层"),
        (
            ("查寝记录", ("查寝记录详实准确",), ("查寝记录与实际不符", "晚间查寝迟到")),
            ("宿舍内务", ("所管宿舍内务评比优秀",), ("内务检查走过场",)),
            ("宿舍安全", ("及时发现学生发烧并送医",), ("发现违规电器未及时收缴",)),
        ),
    ),
    _Post(
        "P06",
        "食堂管理员",
        5,
        1,
        66,
        2,
        (2200, 2800),
        "负责食堂日常运营管理；食材验收与出入库登记；监督食品加工过程和餐具消毒；留样及台账管理；"
        "组织就餐秩序；定期检查食堂设施设备和燃气安全。",
        "食材验收证票齐全，索证索票率100%；每餐留样48小时，记录完整；餐具消毒合格；食品安全零事故。",
        "每日完成食材验收、留样、消毒检查等不少于3项；月度不少于66项。",
        (
            "早餐食材验收登记",
            "午餐食材验收登记",
            "食品留样并记录",
            "餐具消毒检查",
            "{p}卫生检查",
            "{p}防蝇防鼠设施检查",
            "学生午餐就餐秩序维护",
            "食材出入库登记",
            "燃气设施安全检查",
            "冷库温度巡查记录",
            "菜谱公示更新",
            "从业人员晨检",
            "餐厨垃圾处置登记",
        ),
        ("后厨操作间", "面点间", "餐厅", "洗消间", "库房"),
        (
            ("食品安全", ("食品安全检查全优",), ("食材验收单据不全",)),
            ("留样台账", ("留样台账规范完整",), ("留样记录缺失一餐",)),
            ("餐具消毒", ("餐具抽检全部合格",), ("操作间地面油污", "消毒柜未按时开启")),
        ),
    ),
    _Post(
        "P07",
        "绿化工",
        3,
        1,
        44,
        24,
        (1600, 2100),
        "负责校园绿地、花坛、树木的养护；按季节修剪、浇水、施肥和病虫害防治；清除杂草；"
        "配合校园活动摆放花卉；保持绿化区域整洁。",
        "绿地无明显杂草、无裸露黄土；树木修剪整齐，无枯枝危枝；病虫害发现后3天内处置；花卉摆放按时到位。",
        "每日完成养护项目不少于2项；月度不少于44项。",
        (
            "修剪{p}绿篱",
            "{p}浇水",
            "清除{p}杂草",
            "{p}施肥",
            "树木病虫害防治喷药",
            "清理枯枝落叶",
            "校园盆花摆放更换",
            "草坪修剪",
            "补植花苗",
            "检查树木支撑及危枝",
        ),
        ("校门口花坛", "教学楼前绿地", "操场周边", "宿舍区绿地", "中心花园"),
        (
            ("绿地养护", ("及时处理大风倒伏树木",), ("绿地杂草未及时清除",)),
            ("花坛整洁", ("花坛布置获好评",), ("修剪后枝叶未清运",)),
            ("作业安全", ("高处修剪安全措施到位",), ("喷药未设警示牌",)),
        ),
    ),
    _Post(
        "P08",
        "会务服务员",
        3,
        1,
        22,
        2,
        (1800, 2300),
        "负责学校各类会议和活动的会务服务；会前发通知、布置会场、调试音响投影；"
        "会中签到、茶水和设备保障；会后整理会场并填写会务记录。",
        "会场按会务工作单提前布置到位；音响投影会前调试无故障；签到完整；会后30分钟内恢复场地。",
        "每日完成会务准备或保障工作不少于1项；月度不少于22项。",
        (
            "{p}会场布置",
            "{p}音响投影调试",
            "{p}座位摆放",
            "会议通知下发",
            "会议签到组织",
            "会中茶水服务",
            "会后场地整理",
            "会务记录填写",
            "桌签及横幅制作",
            "会议室预约登记",
            "会议设备清点保养",
        ),
        ("报告厅", "第一会议室", "第二会议室", "多功能厅", "录播教室"),
        (
            ("会场布置", ("大型活动保障出色",), ("会场布置不到位",)),
            ("设备保障", ("临时会议快速响应，设备调试到位",), ("会前音响未调试",)),
            ("会后整理", ("会后场地恢复及时",), ("会后场地未及时恢复",)),
        ),
    ),
    _Post(
        "P09",
        "接待员",
        2,
        1,
        30,
        1,
        (1800, 2300),
        "负责来宾接待和校内接待室管理；做好上级检查、兄弟学校来访的引导服务；管理接待用品；"
        "协助会务组做好重要会议保障。",
        "来宾到达时有人引导；接待室整洁，用品齐全；接待信息准确登记；无服务投诉。",
        "每日完成接待准备或服务不少于1项；月度不少于30项。",
        (
            "{p}来访接待引导",
            "为{p}准备接待资料",
            "{p}参观路线讲解",
            "接待室整理布置",
            "接待用品清点补充",
            "来访信息登记",
            "协助重要会议签到",
            "来宾茶水服务",
            "接待情况记录",
            "来访车辆停放协调",
        ),
        ("区教育局调研组", "兄弟学校参访团", "家长委员会", "督导检查组", "社区代表", "新闻媒体"),
        (
            ("接待服务", ("接待工作获上级表扬", "主动做好参观讲解"), ("来宾到达无人引导",)),
            ("接待室管理", ("接待室整洁有序",), ("接待室用品不齐",)),
        ),
    ),
    _Post(
        "P10",
        "仓库保管员",
        2,
        1,
        60,
        4,
        (1900, 2400),
        "负责后勤仓库物资的入库验收、保管和领用发放；建立物资台账，定期盘点；做好防火防潮防盗；"
        "及时提出物资采购需求。",
        "账物相符率100%；物资出入库手续齐全；库房整洁，消防设施完好；急需物资4小时内发放。",
        "每日完成出入库或盘点项目不少于3项；月度不少于60项。",
        (
            "{p}入库验收",
            "{p}领用发放登记",
            "{p}库存盘点",
            "物资台账登记",
            "库房防潮通风检查",
            "库房消防器材检查",
            "物资采购需求汇总",
            "报废物资登记处置",
            "教学用品发放",
            "库房整理归位",
        ),
        ("清洁用品", "办公用品", "水电配件", "桌椅备件", "劳保用品"),
        (
            ("账物管理", ("盘点账物相符，台账清楚",), ("盘点账物不符", "出库手续不全")),
            ("库房安全", ("库房管理规范整洁",), ("库房通道堆放杂物",)),
            ("物资发放", ("急需物资及时发放",), ("领用发放登记不及时",)),
        ),
    ),
    _Post(
        "P11",
        "后勤干事",
        3,
        1,
        0,
        24,
        (2500, 3000),
        "协助后勤主任处理日常事务；整理考核、检查和能耗台账；起草通报和计划；组织后勤人员培训；"
        "联系维修供应商并跟踪合同执行。",
        "台账及时、准确、完整；文稿按时报送；培训有记录、有签到；供应商联系有记录。",
        "以综合事务为主，不设月度数量目标。",
        (
            "整理{p}",
            "核对{p}",
            "起草后勤工作通报",
            "组织后勤人员安全培训",
            "联系维修供应商",
            "跟踪维修合同执行",
            "编制物资采购计划",
            "统计月度考核数据",
            "参加后勤工作例会并记录",
            "上报教育局后勤报表",
            "资产清查登记",
            "校园安全隐患排查汇总",
        ),
        ("日志台账", "检查记录", "能耗台账", "会务记录", "诉求承诺台账"),
        (
            ("台账管理", ("考核数据统计准确及时",), ("台账更新不及时",)),
            ("文稿报送", ("培训组织有序，材料齐全",), ("报表报送延误",)),
        ),
    ),
)
GATE, DUTY, CLEANER, ELECTRICIAN, DORM, CANTEEN, GREEN, MEETING, RECEPTION, STORE, CLERK = range(11)

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史"
)
GIVEN = (
    "建国",
    "秀英",
    "桂兰",
    "玉兰",
    "志强",
    "秀珍",
    "海燕",
    "丽华",
    "建华",
    "红梅",
    "国庆",
    "春生",
    "德明",
    "淑芬",
    "振华",
    "永红",
    "文斌",
    "晓东",
    "翠花",
    "凤英",
    "立新",
    "素珍",
    "宏伟",
    "美玲",
    "福生",
    "金凤",
    "长江",
    "学军",
    "艳萍",
    "红霞",
    "卫东",
    "小平",
    "国华",
    "爱华",
    "国强",
    "秋菊",
    "明",
    "伟",
    "芳",
    "勇",
    "军",
    "杰",
    "娟",
    "涛",
    "敏",
    "霞",
    "平",
    "刚",
    "静",
    "强",
    "磊",
    "洋",
    "艳",
    "斌",
    "燕",
    "慧",
    "琴",
    "鹏",
    "辉",
    "华",
)
GRADES = "一二三四五六"

MEETING_TITLES = {
    "large": ("全体教职工大会", "家长会", "教职工安全培训大会", "法治教育报告会"),
    "medium": (
        "班主任工作例会",
        "教学质量分析会",
        "安全工作专题会议",
        "新教师培训会",
        "区教育局调研座谈会",
        "家长委员会会议",
    ),
    "small": (
        "校务委员会会议",
        "后勤工作例会",
        "膳食委员会会议",
        "党支部委员会会议",
        "教研组长会议",
        "来访接待座谈会",
    ),
}
MEETING_EVENTS = {  # month -> (title, scale): one fixed event of the school year
    1: ("期末总结表彰大会", "large"),
    2: ("春季开学工作部署会", "large"),
    5: ("六一文艺汇演彩排", "large"),
    7: ("学期末教职工大会", "large"),
    9: ("秋季开学典礼", "large"),
    12: ("元旦文艺汇演", "large"),
}
SPORTS_MEETING = "秋季田径运动会开幕式"
MEETING_GAPS = {  # checklist item left undone -> what was recorded
    "notice": "通知下发较晚，部分教师未及时收到",
    "venue": "会场布置未按时完成，临时调整座位",
    "sign_in": "签到表准备不足，部分人员未签到",
    "support": "会中话筒故障，更换备用设备耽误约5分钟",
}
MEETING_NOTES = (
    "投影仪信号不稳定，已更换转接头",
    "室温偏高，已调低空调温度",
    "来宾临时增加，加摆座位10个",
)

METERS = (  # name, kind, usage per month, seasonal profile
    (
        "教学楼电表",
        "electricity",
        16000,
        (1.0, 0.6, 1.0, 0.95, 1.0, 1.2, 0.85, 0.55, 1.1, 1.0, 1.0, 1.15),
    ),
    (
        "办公楼电表",
        "electricity",
        4200,
        (1.0, 0.7, 1.0, 0.95, 1.0, 1.15, 0.9, 0.7, 1.05, 1.0, 1.0, 1.1),
    ),
    (
        "食堂电表",
        "electricity",
        9000,
        (1.0, 0.6, 1.0, 1.0, 1.05, 1.15, 0.8, 0.5, 1.05, 1.0, 1.0, 1.05),
    ),
    (
        "宿舍楼电表",
        "electricity",
        7000,
        (1.1, 0.6, 1.0, 0.9, 1.0, 1.2, 0.7, 0.4, 1.05, 1.0, 1.0, 1.2),
    ),
    ("教学楼水表", "water", 900, (0.8, 0.5, 1.0, 1.0, 1.1, 1.2, 0.8, 0.5, 1.1, 1.0, 0.9, 0.8)),
    ("食堂水表", "water", 700, (0.9, 0.5, 1.0, 1.0, 1.05, 1.1, 0.8, 0.4, 1.05, 1.0, 1.0, 0.9)),
    ("宿舍楼水表", "water", 1100, (0.9, 0.5, 1.0, 1.0, 1.1, 1.2, 0.7, 0.4, 1.1, 1.0, 1.0, 0.9)),
)
FINDINGS = {
    "electricity": (
        "走廊照明白天未关",
        "无人房间空调仍在运行",
        "配电箱门未上锁",
        "饮水机夜间未断电",
        "电表箱内线路老化",
    ),
    "water": (
        "卫生间水箱持续漏水",
        "洗手池水龙头滴漏",
        "绿化浇灌水管接头渗漏",
        "水表井积水",
        "拖把池龙头未关紧",
    ),
}
SPIKE_FINDING = "冷库压缩机温控失灵持续运转，用电量同比大幅上升"

REQUEST_KINDS = (  # responsible post, contents; repairs (the first two) are the ones that run late
    (
        ELECTRICIAN,
        (
            "教室日光灯不亮",
            "教室插座没电",
            "教室空调不制冷",
            "多媒体讲台电源故障",
            "走廊感应灯不亮",
            "卫生间水箱漏水",
            "洗手池下水堵塞",
            "饮水机不出热水",
        ),
    ),
    (STORE, ("课桌椅损坏需更换", "教室门锁损坏", "窗帘脱轨", "讲台抽屉损坏")),
    (CLEANER, ("楼梯间积水需清理", "教室外墙面污渍清理", "走廊垃圾桶破损需更换")),
    (GREEN, ("窗外树枝遮挡光线需修剪", "花坛杂草较多需清理")),
    (DORM, ("宿舍床板松动", "宿舍门禁卡失效")),
    (CANTEEN, ("午餐菜品偏咸", "食堂餐桌有油污", "希望增加面食品种")),
)
URGENT = {
    "教室日光灯不亮",
    "教室插座没电",
    "多媒体讲台电源故障",
    "卫生间水箱漏水",
    "洗手池下水堵塞",
    "教室门锁损坏",
    "楼梯间积水需清理",
    "宿舍门禁卡失效",
}  # may be urgent
ON_THE_SPOT = ("需领用粉笔和板擦", "需领用清洁工具")  # done at once, no promise needed
LATE_EXPLAINED = (
    "所需配件厂家缺货，已向提出人说明并约定新时间",
    "需专业厂家上门维修，已电话告知延期原因",
    "涉及采购审批，已书面说明预计完成时间",
)
BLOCKED = ("教室空调不制冷", "压缩机需厂家更换，配件年后到货，已向提出人说明并先调配移动空调")
CANNOT = (
    "希望在教室加装一台空调",
    "教室电路负荷不足，需整体增容改造并报教育局审批，已纳入明年计划，暂不能承诺完成时间",
)
OFFICES = ("教务处", "德育处", "办公室", "总务处", "体育组", "音乐组")

PLANS = (  # level, category, item, target, owner post, budget, start, due, outcome
    (
        "long_term",
        "repairs",
        "教学楼屋面防水维修",
        "解决顶层教室渗漏问题，质保5年",
        ELECTRICIAN,
        180000,
        (-1, 9, 1),
        (8, 20),
        "on_time",
    ),
    (
        "long_term",
        "equipment",
        "校园监控系统升级",
        "公共区域监控全覆盖，录像保存30天",
        DUTY,
        150000,
        (-1, 9, 1),
        (12, 15),
        "on_time",
    ),
    (
        "school_year",
        "greening",
        "校园绿化提升工程",
        "新增绿地300平方米，补植乔木40株",
        GREEN,
        60000,
        (-1, 9, 1),
        (6, 30),
        "on_time",
    ),
    (
        "school_year",
        "other",
        "垃圾分类设施添置及宣传",
        "分类投放准确率达到90%",
        CLEANER,
        12000,
        (-1, 9, 1),
        (5, 29),
        "on_time",
    ),
    (
        "long_term",
        "other",
        "后勤管理制度汇编修订",
        "形成新版三定岗位责任制度汇编",
        CLERK,
        0,
        (-1, 3, 1),
        (12, 26),
        "on_time",
    ),
    (
        "semester",
        "repairs",
        "宿舍楼卫生间管道改造",
        "消除宿舍楼下水堵塞隐患",
        ELECTRICIAN,
        45000,
        (0, 2, 17),
        (7, 10),
        "late",
    ),
    (
        "semester",
        "greening",
        "春季花坛布置及草坪养护",
        "花坛四季有花，草坪覆盖率95%",
        GREEN,
        15000,
        (0, 2, 20),
        (5, 15),
        "on_time",
    ),
    (
        "semester",
        "equipment",
        "更换教室LED护眼灯",
        "24间教室照度全部达标",
        ELECTRICIAN,
        72000,
        (0, 3, 1),
        (8, 25),
        "on_time",
    ),
    (
        "semester",
        "training",
        "后勤人员消防安全培训",
        "全员参训，考核合格率100%",
        CLERK,
        3000,
        (0, 3, 1),
        (4, 30),
        "on_time",
    ),
    (
        "semester",
        "training",
        "食堂从业人员食品安全培训",
        "持证上岗率100%",
        CANTEEN,
        2000,
        (0, 3, 10),
        (5, 20),
        "on_time",
    ),
    (
        "stage",
        "equipment",
        "新增直饮水设备",
        "每层教学楼配置直饮水机2台",
        STORE,
        36000,
        (0, 4, 1),
        (6, 13),
        "on_time",
    ),
    (
        "stage",
        "repairs",
        "校门口隔离栏及减速带更换",
        "上下学时段校门口交通安全",
        GATE,
        18000,
        (0, 4, 7),
        (5, 30),
        "on_time",
    ),
    (
        "stage",
        "repairs",
        "操场跑道局部翻新",
        "修复破损跑道200平方米",
        ELECTRICIAN,
        85000,
        (0, 7, 1),
        (8, 29),
        "late",
    ),
    (
        "stage",
        "repairs",
        "暑期校舍安全大检查及维修",
        "开学前完成全部隐患整改",
        ELECTRICIAN,
        30000,
        (0, 7, 10),
        (8, 28),
        "on_time",
    ),
    (
        "stage",
        "equipment",
        "食堂冷库制冷机组更换",
        "冷库温度稳定在0–4℃",
        CANTEEN,
        48000,
        (0, 8, 1),
        (9, 30),
        "on_time",
    ),
    (
        "stage",
        "other",
        "秋季运动会后勤保障",
        "场地、器材、饮水和医疗保障到位",
        MEETING,
        8000,
        (0, 9, 15),
        (10, 24),
        "on_time",
    ),
    (
        "semester",
        "repairs",
        "宿舍楼热水系统改造",
        "住校生热水供应稳定，24小时不间断",
        ELECTRICIAN,
        25000,
        (0, 9, 1),
        (10, 31),
        "overdue",
    ),
    (
        "semester",
        "training",
        "后勤岗位技能比武",
        "开展水电、保洁、烹饪3项比武",
        CLERK,
        5000,
        (0, 9, 1),
        (11, 28),
        "on_time",
    ),
    (
        "stage",
        "other",
        "仓库物资盘点及台账信息化",
        "账物相符率100%，台账全部电子化",
        STORE,
        4000,
        (0, 10, 8),
        (12, 19),
        "on_time",
    ),
    (
        "stage",
        "greening",
        "冬季树木防寒及修剪",
        "完成全部行道树修剪和涂白",
        GREEN,
        6000,
        (0, 11, 3),
        (12, 12),
        "on_time",
    ),
)


@dataclass
class _Person:
    staff_id: str
    name: str
    post: int  # index into POSTS
    start: dt.date
    end: dt.date | None
    pay_base: int

    def works(self, first: dt.date, last: dt.date | None = None) -> bool:
        """Employed on every day from ``first`` to ``last`` (default: just ``first``)."""
        return self.start <= first and (self.end is None or (last or first) <= self.end)


@dataclass(frozen=True)
class _Roles:
    tie: tuple[int, int]  # indices into the staff list: same post, identical rows
    clamped: int  # inspections in CLAMP_MONTH sum below -30


def demo_frames(
    year: int = 2025, *, staff_count: int = 44, logs_per_day: float = 1.3, seed: int = 2025
) -> dict[str, pd.DataFrame]:
    """One DataFrame per input sheet key for the fictional 示例实验小学's ``year``.

    ``staff_count`` people (at least 20) file about ``logs_per_day`` log rows each per working
    day; energy readings start at the end of ``year`` - 2 so that every month of ``year`` has
    a year-on-year comparison. The same arguments always give equal frames.
    """
    if staff_count < MIN_STAFF:
        raise ValueError(f"staff_count must be at least {MIN_STAFF}")
    if logs_per_day <= 0:
        raise ValueError("logs_per_day must be positive")
    rng = random.Random(seed)
    gen = np.random.default_rng(rng.getrandbits(64))  # vectorized draws for the log table
    overrides = _calendar_rows(year)
    cal = WorkCalendar({d: kind == "workday" for d, kind, _ in overrides})
    sports_day = overrides[1][0]
    people, roles = _staff(year, staff_count, cal, rng)
    owners = [p for i, p in enumerate(people) if i not in roles.tie]  # the tie pair owns none
    rows = {
        "inspections": _inspections(year, people, roles, cal, rng),
        "meetings": _meetings(year, people, cal, sports_day, rng),
        "plans": _plans(year, owners, sports_day, rng),
        "requests": _requests(year, owners, cal, rng),
    }
    a, b = (people[i].staff_id for i in roles.tie)
    for key, table in rows.items():  # B's rows are A's rows: their totals tie
        rows[key] = [r for r in table if r["staff_id"] != b]
        rows[key] += [{**r, "staff_id": b} for r in table if r["staff_id"] == a]
    _number(rows["meetings"], "meeting_id", f"HY{year}-", ("date",))
    _number(rows["requests"], "request_id", f"SQ{year}-", ("date",))
    _number(rows["plans"], "plan_id", f"JH{year}-", ("start", "due"), width=2)
    rows["inspections"].sort(key=lambda r: (r["date"], r["staff_id"]))
    return {
        "posts": _frame("posts", [_post_row(p) for p in POSTS]),
        "staff": _frame("staff", [_staff_row(p) for p in people]),
        "logs": _frame("logs", _logs(year, people, roles, cal, logs_per_day, gen)),
        "inspections": _frame("inspections", rows["inspections"]),
        "meetings": _frame("meetings", rows["meetings"]),
        "energy": _frame("energy", _energy(year, people, cal, rng)),
        "plans": _frame("plans", rows["plans"]),
        "requests": _frame("requests", rows["requests"]),
        "settings": _frame(
            "settings", [{"key": d.zh, "value": d.default, "note": d.note_zh} for d in SETTING_DEFS]
        ),
        "calendar": _frame(
            "calendar", [{"date": d, "type": kind, "note": note} for d, kind, note in overrides]
        ),
    }


# ---- frames ------------------------------------------------------------------------------


def _frame(key: str, data: Sequence[dict[str, object]] | dict[str, np.ndarray]) -> pd.DataFrame:
    """Columns in schema order; numbers stay int/float, everything else is object (None blank)."""
    columns = schema.SHEETS[key].columns
    table: dict[str, Sequence[object] | np.ndarray] = (
        dict(data) if isinstance(data, dict) else {c.key: [r[c.key] for r in data] for c in columns}
    )
    if set(table) != {c.key for c in columns}:
        raise AssertionError(f"{key}: columns differ from the schema")
    out: dict[str, pd.Series] = {}
    for c in columns:
        values = table[c.key]
        numeric = c.kind in (Kind.INT, Kind.NUMBER)
        if isinstance(values, np.ndarray) and numeric and values.dtype != object:
            out[c.key] = pd.Series(values)
        elif numeric and all(v is not None for v in values):
            out[c.key] = pd.Series(list(values))
        else:
            out[c.key] = pd.Series(values, dtype=object)
    return pd.DataFrame(out)


def _number(
    rows: list[dict[str, object]], key: str, prefix: str, order: tuple[str, ...], width: int = 3
) -> None:
    """Sort ``rows`` by ``order`` and give them IDs in that order, as a clerk would."""
    rows.sort(key=lambda r: tuple(r[k] for k in order))  # type: ignore[arg-type]
    for i, row in enumerate(rows, 1):
        row[key] = f"{prefix}{i:0{width}d}"


def _post_row(p: _Post) -> dict[str, object]:
    return {
        "post_id": p.post_id,
        "post": p.name,
        "duties": p.duties,
        "quality_standard": p.quality,
        "quantity_standard": p.quantity,
        "monthly_target": p.target,
        "time_limit_hours": p.hours,
    }


def _staff_row(p: _Person) -> dict[str, object]:
    return {
        "staff_id": p.staff_id,
        "name": p.name,
        "post_id": POSTS[p.post].post_id,
        "start_date": p.start,
        "end_date": p.end,
        "pay_base": p.pay_base,
    }


# ---- calendar and staff ------------------------------------------------------------------


def _calendar_rows(year: int) -> list[tuple[dt.date, str, str]]:
    """The school's own overrides: a Saturday sports meet worked, a day off in lieu, and a
    Saturday of opening preparations."""
    official = WorkCalendar()
    day = D(year, 10, 18)
    while not (
        day.weekday() == 5 and not official.is_workday(day) and official.is_workday(day + 2 * DAY)
    ):
        day += DAY
    opening = D(year, 8, 23)
    while opening.weekday() != 5 or official.is_workday(opening):
        opening += DAY
    return [
        (opening, "workday", "秋季开学准备，后勤全员返岗（周六补班）"),
        (day, "workday", "秋季田径运动会，后勤全员保障（周六补班）"),
        (day + 2 * DAY, "holiday", "运动会调休"),
    ]


def _headcounts(count: int) -> list[int]:
    heads = [p.minimum for p in POSTS]
    total_weight = sum(p.weight for p in POSTS)
    for _ in range(count - sum(heads)):
        deficits = [p.weight * count / total_weight - h for p, h in zip(POSTS, heads, strict=True)]
        heads[deficits.index(max(deficits))] += 1
    return heads


def _names(count: int, rng: random.Random) -> list[str]:
    """Distinct names: surname + given name, numbered only past the 6,000 combinations."""
    pool = [s + g for s in SURNAMES for g in GIVEN]
    rng.shuffle(pool)
    return [
        pool[i % len(pool)] + (str(i // len(pool) + 1) if i >= len(pool) else "")
        for i in range(count)
    ]


def _first_workday(cal: WorkCalendar, day: dt.date) -> dt.date:
    while not cal.is_workday(day):
        day += DAY
    return day


def _staff(
    year: int, count: int, cal: WorkCalendar, rng: random.Random
) -> tuple[list[_Person], _Roles]:
    posts = [i for i, n in enumerate(_headcounts(count)) for _ in range(n)]
    early, late = D(year - 12, 3, 1).toordinal(), D(year - 2, 8, 31).toordinal()
    starts = [D.fromordinal(rng.randint(early, late)) for _ in posts]
    ends: list[dt.date | None] = [None] * count
    by_post = [[i for i, p in enumerate(posts) if p == k] for k in range(len(POSTS))]
    tie = (by_post[CLEANER][0], by_post[CLEANER][1])
    starts[tie[0]] = starts[tie[1]] = D(year - 6, 9, 1)
    senior = by_post[ELECTRICIAN][0]  # reads the meters from the first baseline on
    starts[senior] = D(year - 9, 8, 20)
    clamped = by_post[GATE][0]
    keep = {*tie, senior, clamped, by_post[MEETING][0], by_post[RECEPTION][0]}
    movers = [i for i in range(count) if i not in keep]
    rng.shuffle(movers)
    n_moves = max(3, round(count * 0.06))
    joiners, leavers = movers[:n_moves], movers[n_moves : 2 * n_moves]
    for n, i in enumerate(joiners):  # the first starts mid-month, the others on a month's start
        day = D(year, 3, 16) if n == 0 else D(year, rng.randint(4, 10), 1)
        starts[i] = _first_workday(cal, day)
    for n, i in enumerate(leavers):  # the first leaves mid-month, the others at a month's end
        month = rng.randint(3, 11)
        ends[i] = D(year, month, 14) if n == 0 else D(year, month, _days_in(year, month))
    order = sorted(range(count), key=lambda i: (starts[i], i))  # IDs in order of hiring
    names = _names(count, rng)
    people = []
    for n, i in enumerate(order):
        low, high = POSTS[posts[i]].pay
        people.append(
            _Person(
                f"HQ{n + 1:03d}",
                names[n],
                posts[i],
                starts[i],
                ends[i],
                rng.randrange(low, high + 1, 50),
            )
        )
    where = {i: order.index(i) for i in (*tie, clamped)}
    return people, _Roles((where[tie[0]], where[tie[1]]), where[clamped])


def _days_in(year: int, month: int) -> int:
    return _calendar.monthrange(year, month)[1]


# ---- logs --------------------------------------------------------------------------------


UNDONE_NOTES = ("配件未到，待续", "临时任务冲突，明日完成", "需他人配合，已上报")
POSTPONED_NOTES = ("顺延至次日", "因天气原因延期", "按主任安排延后")
DONE_NOTES = ("配合学校活动", "临时加班", "主任安排的临时任务", "已拍照留档")


def _weak_people(people: list[_Person], roles: _Roles) -> list[int]:
    """Two people who log and deliver far less than the rest (never the tied pair)."""
    taken = {*roles.tie, roles.clamped}
    return [i for i in (9, 20, 10, 21) if i not in taken and i < len(people)][:2]


def _logs(
    year: int,
    people: list[_Person],
    roles: _Roles,
    cal: WorkCalendar,
    per_day: float,
    gen: np.random.Generator,
) -> dict[str, np.ndarray]:
    """Log columns, vectorized: a person x working-day grid of row counts, then one row each."""
    days = [
        d
        for d in (D(year, 1, 1) + i * DAY for i in range(366))
        if d.year == year and cal.is_workday(d)
    ]
    ords = np.array([d.toordinal() for d in days])
    n_people, n_days = len(people), len(days)
    first = np.searchsorted(ords, [p.start.toordinal() for p in people], "left")
    last = (
        np.searchsorted(ords, [(p.end or D(year, 12, 31)).toordinal() for p in people], "right") - 1
    )
    col = np.arange(n_days)
    employed = (col >= first[:, None]) & (col <= last[:, None])

    # Presence per person (some miss days), rows per present day to average ``per_day``.
    attendance = gen.uniform(0.85, 1.0, n_people)
    attendance[gen.choice(n_people, 2, replace=False)] = 0.75
    weak = _weak_people(people, roles)  # a school has a few who struggle: 合格 and below
    attendance[weak] = (0.62, 0.5)
    presence = np.minimum(attendance, per_day)
    extra = np.maximum(per_day / presence - 1, 0)
    present = employed & (gen.random((n_people, n_days)) < presence[:, None])
    present[roles.tie[1]] = False  # B's rows are copies of A's, added below
    counts = np.where(present, 1 + gen.poisson(extra[:, None], (n_people, n_days)), 0).ravel()
    cells = np.flatnonzero(counts)
    per_cell = counts[cells]
    cell = np.repeat(cells, per_cell)
    k = np.arange(len(cell)) - np.repeat(np.cumsum(per_cell) - per_cell, per_cell)
    person, day = cell // n_days, cell % n_days

    # Content: consecutive entries of the post's list from a random offset (no repeats a day).
    post_of = np.array([p.post for p in people])
    lists = [p.contents() for p in POSTS]
    sizes = np.array([len(c) for c in lists])
    offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    pool = np.array([c for lst in lists for c in lst], dtype=object)
    post = post_of[person]
    shift = np.repeat(gen.integers(0, 1 << 20, len(cells)), per_cell)
    content = pool[offsets[post] + (shift + k) % sizes[post]]
    for i in np.flatnonzero(k >= sizes[post]):  # more rows than the list: number the rounds
        content[i] = f"{content[i]}（第{k[i] // sizes[post[i]] + 1}轮）"

    # Status: mostly done; each person has their own reliability.
    reliability = gen.uniform(0.9, 0.98, n_people)[person]
    u = gen.random(len(cell))
    status_code = np.where(
        u < reliability, 0, np.where(u < reliability + (1 - reliability) * 0.6, 1, 2)
    )
    status = np.array(["done", "undone", "postponed"], dtype=object)[status_code]

    # Units around the post's daily target (per person performance 0.75-1.15), hours 0.5-9.
    daily = np.array([p.target * 12 / n_days for p in POSTS])[post]
    performance_of = gen.uniform(0.75, 1.15, n_people)
    performance_of[weak] = (0.55, 0.4)
    performance = performance_of[person]
    mean = daily * performance / per_day * gen.uniform(0.6, 1.4, len(cell))
    units = np.floor(mean + gen.random(len(cell))).astype(np.int64)
    units = np.where(status_code == 0, units, np.where(status_code == 1, units // 2, 0))
    hour_mean = 7.5 * presence[person] / per_day
    hours = np.clip(np.round(hour_mean * gen.uniform(0.7, 1.3, len(cell)) * 2) / 2, 0.5, 9.0)

    notes = np.full(len(cell), None, dtype=object)
    pick = gen.integers(0, 1 << 20, len(cell))
    for code, texts, rate in (
        (0, DONE_NOTES, 0.04),
        (1, UNDONE_NOTES, 1.0),
        (2, POSTPONED_NOTES, 1.0),
    ):
        mask = (status_code == code) & (gen.random(len(cell)) < rate)
        notes[mask] = np.array(texts, dtype=object)[pick[mask] % len(texts)]

    columns = {
        "day": day,
        "person": person,
        "k": k,
        "content": content,
        "units": units,
        "hours": hours,
        "status": status,
        "notes": notes,
    }
    twin = person == roles.tie[0]
    for key, values in columns.items():
        copy = np.full(int(twin.sum()), roles.tie[1]) if key == "person" else values[twin]
        columns[key] = np.concatenate([values, copy])
    order = np.lexsort((columns["k"], columns["person"], columns["day"]))
    ids = np.array([p.staff_id for p in people], dtype=object)
    return {
        "date": np.array(days, dtype=object)[columns["day"][order]],
        "staff_id": ids[columns["person"][order]],
        "content": columns["content"][order],
        "units": columns["units"][order],
        "hours": columns["hours"][order],
        "status": columns["status"][order],
        "notes": columns["notes"][order],
    }


# ---- inspections and meetings ------------------------------------------------------------


def _month_workdays(
    cal: WorkCalendar, year: int, month: int, person: _Person | None = None
) -> list[dt.date]:
    days = cal.month_workdays(year, month)
    return days if person is None else [d for d in days if person.works(d)]


def _inspections(
    year: int, people: list[_Person], roles: _Roles, cal: WorkCalendar, rng: random.Random
) -> list[dict[str, object]]:
    points = (-5, -3, -2, -1, 0, 1, 2, 3, 5)
    weights = (5, 8, 10, 6, 36, 6, 12, 8, 4)
    rows: list[dict[str, object]] = []
    for index, person in enumerate(people):
        post = POSTS[person.post]
        for month in range(1, 13):
            days = _month_workdays(cal, year, month, person)
            if not days:
                continue
            if index == roles.clamped and month == CLAMP_MONTH:
                # A bad month: four deductions, -34 in all; quality clamps at 0.
                for day, (item, pts, why) in zip(
                    sorted(rng.sample(days, 4)), CLAMP_FINDINGS, strict=True
                ):
                    rows.append(_inspection(day, person, item, pts, why, rng))
                continue
            for day in sorted(rng.sample(days, min(len(days), rng.choice((1, 2, 2, 2, 3))))):
                pts = rng.choices(points, weights)[0]
                item, good, bad = rng.choice(post.checks)
                reason = (
                    rng.choice(good)
                    if pts > 0
                    else rng.choice(bad)
                    if pts < 0
                    else rng.choice((None, None, "符合要求"))
                )
                rows.append(_inspection(day, person, item, pts, reason, rng))
    return rows


def _inspection(
    day: dt.date, person: _Person, item: str, points: int, reason: str | None, rng: random.Random
) -> dict[str, object]:
    return {
        "date": day,
        "staff_id": person.staff_id,
        "item": item,
        "points": points,
        "reason": reason,
        "inspector": rng.choice(INSPECTORS),
    }


def _meetings(
    year: int, people: list[_Person], cal: WorkCalendar, sports_day: dt.date, rng: random.Random
) -> list[dict[str, object]]:
    servers = [p for p in people if p.post == MEETING]
    receptionists = [p for p in people if p.post == RECEPTION]
    rows: list[dict[str, object]] = []
    for month in range(1, 13):
        days = _month_workdays(cal, year, month)
        count = rng.choice((2, 3)) if month in (2, 8) else rng.choice((5, 6, 6, 7))
        chosen = rng.sample(days, min(count, len(days)))
        if month == sports_day.month:  # the opening ceremony is on the sports day
            chosen = [sports_day, *[d for d in chosen if d != sports_day][: count - 1]]
        for n, day in enumerate(chosen):
            if day == sports_day:
                title, scale = SPORTS_MEETING, "large"
            elif n == 0 and month in MEETING_EVENTS:
                title, scale = MEETING_EVENTS[month]
            else:
                scale = rng.choices(("large", "medium", "small"), (2, 4, 4))[0]
                title = rng.choice(MEETING_TITLES[scale])
                if title == "家长会":
                    title = f"{GRADES[rng.randrange(6)]}年级家长会"
            urgent = rng.random() < 0.2
            pool = receptionists if "接待" in title or "调研" in title else servers
            staff = [p for p in pool if p.works(day)] or [p for p in servers if p.works(day)]
            checks = {k: rng.random() < (0.85 if urgent else 0.93) for k in MEETING_GAPS}
            gaps = [MEETING_GAPS[k] for k, ok in checks.items() if not ok]
            issues = (
                "；".join(gaps)
                if gaps
                else (rng.choice(MEETING_NOTES) if rng.random() < 0.1 else None)
            )
            rows.append(
                {
                    "meeting_id": None,
                    "date": day,
                    "title": title,
                    "scale": scale,
                    "urgency": "urgent" if urgent else "normal",
                    "staff_id": rng.choice(staff).staff_id,
                    **checks,
                    "issues": issues,
                }
            )
    return rows


# ---- energy ------------------------------------------------------------------------------


def _energy(
    year: int, people: list[_Person], cal: WorkCalendar, rng: random.Random
) -> list[dict[str, object]]:
    """Cumulative readings from a baseline at the end of year-2: weekly checks on each working
    week's last working day and a joint check on each month's last day."""
    baseline = D(year - 2, 12, 31)
    span = [baseline + i * DAY for i in range(1, (D(year, 12, 31) - baseline).days + 1)]
    work = {d: cal.is_workday(d) for d in span}
    weeks: dict[tuple[int, int], dt.date] = {}
    for d in span:
        if work[d]:
            weeks[d.isocalendar()[:2]] = d
    weekly = set(weeks.values())
    monthly = {baseline} | {d for d in span if (d + DAY).day == 1}
    electricians = [p for p in people if p.post == ELECTRICIAN]
    months: dict[tuple[int, int], list[dt.date]] = {}
    for d in span:
        months.setdefault((d.year, d.month), []).append(d)
    growth = {name: rng.uniform(1.0, 1.03) for name, *_ in METERS}
    end_of_day: dict[str, dict[dt.date, float]] = {}
    for name, _kind, base, season in METERS:
        reading = float(rng.randint(20, 90) * 1000 if base > 2000 else rng.randint(2, 9) * 1000)
        values = {baseline: reading}
        for y in (year - 1, year):
            for m in range(1, 13):
                usage = base * season[m - 1] * rng.uniform(0.97, 1.03)
                if y == year:
                    usage *= growth[name] * (
                        SPIKE_FACTOR if (name, m) == (SPIKE_METER, SPIKE_MONTH) else 1
                    )
                month_days = months[(y, m)]
                weight = [1.0 if work[d] else 0.35 for d in month_days]
                total = sum(weight)
                for d, w in zip(month_days, weight, strict=True):
                    reading += usage * w / total
                    values[d] = reading
        end_of_day[name] = values
    rows: list[dict[str, object]] = []
    for day in sorted(weekly | monthly):
        checker = rng.choice(
            [p for p in electricians if p.works(day)] or [p for p in people if p.works(day)]
        )  # one round per day
        for name, kind, *_ in METERS:
            for check in ("weekly", "monthly"):
                if day not in (weekly if check == "weekly" else monthly):
                    continue
                finding, fixed = None, None
                if (name, day.year, day.month, check) == (
                    SPIKE_METER,
                    year,
                    SPIKE_MONTH,
                    "monthly",
                ):
                    finding, fixed = SPIKE_FINDING, True
                elif day != baseline and rng.random() < (0.04 if check == "weekly" else 0.12):
                    finding = rng.choice(FINDINGS[kind])
                    fixed = rng.random() < (0.95 if day.year < year else 0.7)
                rows.append(
                    {
                        "date": day,
                        "meter": name,
                        "kind": kind,
                        "reading": round(end_of_day[name][day], 1),
                        "check_type": check,
                        "staff_id": checker.staff_id,
                        "finding": finding,
                        "fixed": fixed,
                    }
                )
    return rows


# ---- plans and requests ------------------------------------------------------------------


def _owner(
    people: list[_Person], post: int, first: dt.date, last: dt.date, rng: random.Random
) -> _Person:
    """Someone of ``post`` employed from ``first`` to ``last`` (anyone, failing that)."""
    staff = [p for p in people if p.post == post and p.works(first, last)]
    return rng.choice(staff or [p for p in people if p.works(first, last)])


def _plans(
    year: int, people: list[_Person], sports_day: dt.date, rng: random.Random
) -> list[dict[str, object]]:
    year_end = D(year, 12, 31)
    rows: list[dict[str, object]] = []
    for level, category, item, target, post, budget, start, due, outcome in PLANS:
        begin = D(year + start[0], start[1], start[2])
        end = sports_day if "运动会" in item else D(year, *due)
        if outcome == "overdue":
            done, progress = None, 65
        elif outcome == "late":
            done, progress = min(end + rng.randint(4, 20) * DAY, year_end), 100
        else:
            done, progress = max(end - rng.randint(0, 12) * DAY, begin), 100
        owner = _owner(people, post, begin, max(end, done or end), rng)
        rows.append(
            {
                "plan_id": None,
                "level": level,
                "category": category,
                "item": item,
                "target": target,
                "staff_id": owner.staff_id,
                "start": begin,
                "due": end,
                "budget": budget,
                "progress": progress,
                "done_date": done,
            }
        )
    return rows


def _requests(
    year: int, people: list[_Person], cal: WorkCalendar, rng: random.Random
) -> list[dict[str, object]]:
    """About 60 requests: most promised and kept, some late (explained or not), a few done on
    the spot, and one that could not be promised."""
    days = [
        d
        for d in (D(year, 1, 6) + i * DAY for i in range(339))
        if cal.is_workday(d) and not D(year, 7, 12) <= d <= D(year, 8, 24)
    ]
    cases = (
        ["cannot"] + ["on_the_spot"] * 2 + ["late_explained"] * 4 + ["late"] * 3 + ["on_time"] * 49
    )
    rng.shuffle(cases)
    cases.append("blocked")  # the year's last request: waiting for a part due next year
    rows: list[dict[str, object]] = []
    for day, case in zip(sorted(rng.sample(days, len(cases))), cases, strict=True):
        kinds = REQUEST_KINDS[:2] if case.startswith("late") else REQUEST_KINDS
        post, contents = rng.choice(kinds)
        content = rng.choice(contents)
        urgent = case == "on_time" and content in URGENT and rng.random() < 0.7
        promise = day + (rng.randint(0, 1) if urgent else rng.randint(2, 7)) * DAY
        promised: dt.date | None = promise
        done: dt.date | None = None
        explanation = None
        if case == "on_time":
            done = max(promise - rng.randint(0, 1 if urgent else 2) * DAY, day)
        elif case == "late":
            done = promise + rng.randint(1, 5) * DAY
        elif case == "late_explained":
            done = promise + rng.randint(3, 10) * DAY
            explanation = rng.choice(LATE_EXPLAINED)
        elif case == "blocked":  # late, explained, still waiting at the end of the year
            post, (content, explanation) = ELECTRICIAN, BLOCKED
        elif case == "on_the_spot":
            post, content, promised, done = STORE, rng.choice(ON_THE_SPOT), None, day
        else:  # "cannot": do not promise what cannot be done, and say why
            post, (content, explanation) = ELECTRICIAN, CANNOT
            promised = None
        last = max(d for d in (day, promised, done) if d is not None)
        owner = _owner(people, post, day, D(year, 12, 31) if done is None else last, rng)
        rows.append(
            {
                "request_id": None,
                "date": day,
                "requester": _requester(rng),
                "content": content,
                "urgent": urgent,
                "promised": promised is not None,
                "promised_date": promised,
                "staff_id": owner.staff_id,
                "done_date": done,
                "explanation": explanation,
            }
        )
    return rows


def _requester(rng: random.Random) -> str:
    who = rng.random()
    surname = rng.choice(SURNAMES)
    if who < 0.7:
        return f"{rng.choice(GRADES)}年级{rng.randint(1, 6)}班 {surname}老师"
    if who < 0.9:
        return f"{rng.choice(OFFICES)} {surname}老师"
    return f"{rng.choice(GRADES[2:])}年级{rng.randint(1, 6)}班 班长"
