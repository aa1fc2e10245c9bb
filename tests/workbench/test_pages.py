"""The pages a user reads: workbooks, problems, result sheets, a person's month, charts."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pandas as pd

from logistics.core import schema
from logistics.io.reader import read_workbook
from tests.factories import D
from tests.workbooks import build, sheet_rows, small_school

from .conftest import DEMO_NAME, Bench


def text(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def test_index_lists_school_change_and_state(bench: Bench) -> None:
    page = text(bench.client.get("/").text)
    assert DEMO_NAME in page and "示例实验小学" in page and "可以使用" in page


def test_index_shows_the_machine_checks_of_logistics_doctor(
    bench: Bench, machine_checks: list
) -> None:
    page = bench.client.get("/").text
    panel = page[page.index('<details class="machine"') : page.index("</details>")]
    assert '<details class="machine" id="machine">' in panel  # closed: the jobs can run
    assert "可选项目（PDF 转换）不妨碍运行任务" in text(panel)
    assert "没有 LibreOffice" in panel and "安装 LibreOffice" in panel


def test_machine_panel_opens_when_the_jobs_cannot_run(make_bench, demo_folder: Path) -> None:
    from logistics.doctor import Check

    bench = make_bench(demo_folder)
    bench.client.app.state.machine_checks["zh"] = [Check("calendar", False, "未收录", "升级")]
    page = bench.client.get("/").text
    assert '<details class="machine" id="machine" open>' in page
    assert "缺少任务必需的项目" in text(page)


def test_new_blank_workbook_is_the_cli_one_and_never_overwrites(bench: Bench) -> None:
    first = bench.post("/new", data={"name": "二〇二六", "book_lang": "en"})
    assert "message ok" in first.text
    made = bench.folder / "二〇二六.xlsm"
    names = read_workbook(made).sheets
    assert {s.key for s in schema.INPUT_SHEETS if s.required} <= set(names)
    assert names["staff"].name == "Staff"  # English labels as asked
    before = made.read_bytes()
    bench.post("/new", data={"name": "二〇二六.xlsm"})
    assert made.read_bytes() == before and (bench.folder / "二〇二六-2.xlsm").is_file()


def test_problems_grouped_by_sheet_with_counts(make_bench, tmp_path: Path) -> None:
    frames = small_school()
    logs = frames["logs"].astype(object)
    logs.loc[0, "date"] = "昨天"  # Excel row 2
    logs.loc[2, "units"] = "三个"  # Excel row 4
    frames["logs"] = logs
    staff = frames["staff"].astype(object)
    staff.loc[1, "pay_base"] = "很多"  # Excel row 3
    frames["staff"] = staff
    folder = tmp_path / "books"
    folder.mkdir()
    build(folder / "bad.xlsm", frames)
    bench = make_bench(folder)
    page = bench.client.get("/wb/bad.xlsm/problems").text
    sections = {
        re.search(r"<h2>(.*?)</h2>", s).group(1): s
        for s in page.split('<section class="problems">')[1:]
    }
    assert set(sections) == {"日志：2 条", "人员：1 条"}
    logs_rows = re.findall(
        r"<tr class=\"error\"><td>(\d+)</td><td>(.*?)</td><td>(.*?)</td>", sections["日志：2 条"]
    )
    assert logs_rows == [("2", "日期", "昨天"), ("4", "完成数量", "三个")]
    assert "错误 3 条" in page
    bench.client.cookies.set("lang", "en")
    english = bench.client.get("/wb/bad.xlsm/problems").text
    assert "Logs: 2" in english and "3 errors" in english


def scored(bench: Bench) -> None:
    bench.run(DEMO_NAME, "compute_monthly_scores", month="2025-03", year="2025")


def cells(html: str, column: int) -> list[str]:
    body = html.split("<tbody>")[1].split("</tbody>")[0]
    return [text(r.split("</td>")[column]).strip() for r in body.split("<tr>")[1:]]


def test_result_sheet_sorts_and_filters(bench: Bench) -> None:
    scored(bench)
    url = f"/wb/{DEMO_NAME}/sheet/scores?period=2025-03&sort=total&desc=1"
    totals = [float(x) for x in cells(bench.client.get(url).text, 8)]
    file_rows = sheet_rows(bench.folder / DEMO_NAME, "考评")[1:]
    assert totals == sorted((float(r[8]) for r in file_rows), reverse=True)
    ascending = cells(bench.client.get(url.replace("desc=1", "desc=")).text, 8)
    assert [float(x) for x in ascending] == sorted(totals)
    post = file_rows[0][3]
    filtered = cells(bench.client.get(f"/wb/{DEMO_NAME}/sheet/scores?q={post}").text, 3)
    assert filtered and set(filtered) == {post}
    assert len(filtered) == sum(r[3] == post for r in file_rows)


def test_empty_result_sheet_says_what_to_do(bench: Bench) -> None:
    assert "此工作表还没有结果" in bench.client.get(f"/wb/{DEMO_NAME}/sheet/annual").text


def test_person_page_lists_the_rows_behind_the_score(bench: Bench) -> None:
    scored(bench)
    page = bench.client.get(f"/wb/{DEMO_NAME}/person/HQ004?month=2025-03").text
    assert "HQ004" in page and "日志分" in page and "有日志的工作日" in page
    # Independently: the person's March log rows by their Excel row number in the file.
    rows = sheet_rows(bench.folder / DEMO_NAME, "日志")
    header = rows[0]
    date_col, staff_col = header.index("日期"), header.index("工号")
    expected = [
        str(i + 1)
        for i, r in enumerate(rows)
        if i > 0
        and r[staff_col] == "HQ004"
        and pd.Timestamp(r[date_col]).strftime("%Y-%m") == "2025-03"
    ]
    section = page.split("日志（")[1].split("</table>")[0]
    shown = re.findall(r"<tr><td>(\d+)</td>", section)
    assert shown == expected and expected
    total = next(r[8] for r in sheet_rows(bench.folder / DEMO_NAME, "考评") if r[1] == "HQ004")
    assert f'<td class="num">{float(total):g}</td>' in page
    assert "<svg" in page  # the person's total by month


def test_person_not_scored_is_told(bench: Bench) -> None:
    page = text(bench.client.get(f"/wb/{DEMO_NAME}/person/NOBODY?month=2025-03").text)
    assert "人员表中没有工号“NOBODY”。已有工号：HQ001、HQ002" in page  # and what exists


def test_charts_count_grades_from_the_sheet(bench: Bench) -> None:
    bench.run(DEMO_NAME, "rank_year", month="2025-12", year="2025", as_of="2025-12-31")
    bench.run(DEMO_NAME, "energy_statistics", month="2025-03", year="2025")
    page = bench.client.get(f"/wb/{DEMO_NAME}/charts?month=2025-03&year=2025").text
    annual = sheet_rows(bench.folder / DEMO_NAME, "年终排名")[1:]
    for grade in ("优秀", "良好", "合格", "不合格"):
        n = sum(r[6] == grade for r in annual)
        assert f"<title>{grade}: {n}人</title>" in page
    energy = [r for r in sheet_rows(bench.folder / DEMO_NAME, "能耗统计")[1:] if r[2] == "电"]
    use = sum(float(r[3]) for r in energy)
    assert f"3 今年: {use:,.0f}" in page
    assert page.count("<svg") == 4  # grades of the month and the year, electricity, water


def test_typed_text_is_escaped(make_bench, tmp_path: Path) -> None:
    frames = small_school()
    staff = frames["staff"].astype(object)
    staff.loc[0, "name"] = "<script>alert(1)</script>"
    frames["staff"] = staff
    folder = tmp_path / "books"
    folder.mkdir()
    build(folder / "x.xlsm", frames)
    bench = make_bench(folder)
    bench.run("x.xlsm", "compute_monthly_scores", month="2025-03", year="2025", as_of="2025-03-31")
    page = bench.client.get("/wb/x.xlsm/sheet/scores").text
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_language_switch(bench: Bench) -> None:
    response = bench.post("/lang", data={"lang": "en"})
    assert response.headers["hx-refresh"] == "true"
    page = bench.client.get(f"/wb/{DEMO_NAME}").text
    assert "Monthly scores" in page and "Documents" in page and "计算月度考评" not in page
    bench.post("/lang", data={"lang": "zh"})
    assert "计算月度考评" in bench.client.get(f"/wb/{DEMO_NAME}").text


def test_unreadable_workbook_is_a_message(bench: Bench) -> None:
    (bench.folder / "broken.xlsx").write_bytes(b"not a zip")
    assert "不是 Excel 工作簿" in bench.client.get("/").text
    page = bench.client.get("/wb/broken.xlsx")
    assert page.status_code == 400 and "不是 Excel 工作簿" in page.text
    assert "Traceback" not in page.text


def test_a_bug_on_a_page_is_a_short_message(bench: Bench, monkeypatch) -> None:
    import logistics.workbench.views as views

    from .conftest import TestClient

    def broken(path):
        raise RuntimeError("boom")

    monkeypatch.setattr(views, "read_cached", broken)
    client = TestClient(
        bench.client.app, base_url=str(bench.client.base_url), raise_server_exceptions=False
    )
    client.cookies = bench.client.cookies
    page = client.get(f"/wb/{DEMO_NAME}")
    assert page.status_code == 500 and "RuntimeError" in page.text
    assert "Traceback" not in page.text and "logistics-error.log" in page.text
    assert page.headers["x-frame-options"] == "DENY"


def test_job_status_in_the_page_language(bench: Bench) -> None:
    bench.post("/lang", data={"lang": "en"})
    html = bench.run(DEMO_NAME, "compute_monthly_scores", month="2025-03", year="2025")
    assert "2025-03 monthly scores done" in html
    assert "月份" in sheet_rows(bench.folder / DEMO_NAME, "考评")[0]  # the sheet stays Chinese


def test_person_page_lists_leave_removed_and_the_post_of_each_day(
    make_bench, tmp_path: Path
) -> None:
    frames = small_school()
    # S1 takes three days of 事假 (Mon 10 – Wed 12 March 2025, all working days); S2 moves from
    # 保洁员 P1 to 水电工 P2 on 17 March, so the Staff sheet now says P2.
    frames["leave"] = pd.DataFrame(
        [{"staff_id": "S1", "start": D(2025, 3, 10), "end": D(2025, 3, 12), "type": "事假"}]
    )
    frames["transfers"] = pd.DataFrame(
        [{"staff_id": "S2", "effective_date": D(2025, 3, 17), "from_post_id": "P1",
          "to_post_id": "P2"}]
    )  # fmt: skip
    frames["staff"].loc[frames["staff"]["staff_id"] == "S2", "post_id"] = "P2"
    folder = tmp_path / "books"
    folder.mkdir()
    build(folder / "moves.xlsm", frames)
    bench = make_bench(folder)
    s1 = text(bench.client.get("/wb/moves.xlsm/person/S1?month=2025-03").text)
    assert (
        "请假：扣除工作日 3 天（这些天的日志不计） 行 开始日期 结束日期 类型 说明 2 2025-03-10"
        in s1
    )
    s2 = text(bench.client.get("/wb/moves.xlsm/person/S2?month=2025-03").text)
    # March 2025 has 21 working days: 3–14 March (10) in P1, 17–31 March (11) in P2.
    assert "2025-03-03 – 2025-03-14 10 P1 保洁员" in s2
    assert "2025-03-17 – 2025-03-31 11 P2 水电工" in s2
