"""Transfers (SPEC 4.1, 4.2, 4.5): the issue's case of a clerk who moved someone from 保洁员
to 水电工 effective 16 March 2025 by editing 人员 and adding a 调岗 row. Values by hand.

Working days 2025: January 19, February 19, March 21 (3–7 and 10–14 March are the 10 before
the move, 17–21, 24–28 and 31 March the 11 after it).
"""

from fractions import Fraction

from logistics.core.periods import Month, Quarter, year_months
from logistics.core.scoring import score_month
from logistics.core.summary import summarize
from logistics.core.workdays import WorkCalendar
from tests.factories import POST, D, dataset, log, person

AS_OF = D(2025, 3, 31)
PLUMBER = {"post_id": "P2", "post": "水电工", "monthly_target": 60}
MOVE = {
    "staff_id": "S1",
    "effective_date": D(2025, 3, 16),
    "from_post_id": "P1",
    "to_post_id": "P2",
}


def workdays(month):
    return WorkCalendar().month_workdays(2025, month)


def book(transfers=(MOVE,), post="P2", march_units=1):
    # Two units a day in January and February, one a day in March; a log every working day.
    logs = [log(d, units=2) for m in (1, 2) for d in workdays(m)]
    logs += [log(d, units=march_units) for d in workdays(3)]
    return dataset(
        as_of=AS_OF,
        posts=[POST, PLUMBER],
        staff=[person(post_id=post)],
        logs=logs,
        transfers=list(transfers),
    )


def codes(ds):
    return [(p.code, p.sheet, p.row, p.column) for p in ds.problems]


def test_january_and_february_keep_the_old_post_and_their_scores():
    ds = book()
    assert not ds.errors, ds.errors
    for month in (1, 2):
        x = score_month(ds, Month(2025, month), AS_OF)[0]
        # 保洁员 target 21 × 19/19 = 21; units 38 ≥ 21: full 30. Total 20 + 30 + 30 + 20 = 100
        # (under 水电工 it would be 30 × 38/60 = 19, total 89).
        assert (x.post, x.target, x.quantity_score, x.total) == ("保洁员", 21, 30, 100)


def test_march_target_counts_only_the_days_under_the_new_post():
    x = score_month(book(), Month(2025, 3), AS_OF)[0]
    # T = (21 × 10 + 60 × 11) / 21 = 870/21 = 41.43; U = 21.
    assert x.target == Fraction(870, 21) and x.units == 21
    # 30 × 21 / (870/21) = 30 × 441/870 = 15.207; total 20 + 15.207 + 30 + 20 = 85.2.
    assert x.quantity_score == Fraction(30 * 441, 870)
    assert x.total == Fraction(852, 10)
    assert x.post == "水电工"  # the post on the last working day
    assert [(p.first, p.last, p.post_id, p.days) for p in x.post_periods] == [
        (D(2025, 3, 3), D(2025, 3, 14), "P1", 10),
        (D(2025, 3, 17), D(2025, 3, 31), "P2", 11),
    ]


def test_quarter_and_year_are_the_means_of_the_monthly_scores():
    ds = book()
    q1 = [x for m in Quarter(2025, 1).months for x in score_month(ds, m, AS_OF)]
    year = [x for m in year_months(2025) for x in score_month(ds, m, AS_OF)]
    assert [x.total for x in q1] == [100, 100, Fraction(852, 10)]
    # (100 + 100 + 85.2) / 3 = 95.07 -> 95.1 for both (no month after March up to the as-of).
    assert summarize("2025Q1", q1, ds.settings)[0].average == Fraction(951, 10)
    annual = summarize("2025", year, ds.settings)[0]
    assert (annual.average, annual.months, annual.post) == (Fraction(951, 10), 3, "水电工")


def test_without_the_transfer_row_every_month_takes_the_current_post():
    # What the clerk saw before: January under 水电工 is 20 + 19 + 30 + 20 = 89.
    x = score_month(book(transfers=()), Month(2025, 1), AS_OF)[0]
    assert (x.post, x.total) == ("水电工", 89)


def test_a_chain_that_does_not_end_at_the_staff_post_is_an_error_at_its_row():
    ds = book(post="P1")  # the Staff sheet still says 保洁员, the transfer says 水电工
    assert ("transfer_chain_end", "transfers", 2, "to_post_id") in codes(ds)


def test_each_transfer_starts_where_the_previous_one_ended():
    p3 = {"post_id": "P3", "post": "门卫员", "monthly_target": 0}
    later = {**MOVE, "effective_date": D(2025, 6, 2), "from_post_id": "P3", "to_post_id": "P1"}
    ds = dataset(posts=[POST, PLUMBER, p3], staff=[person(post_id="P1")], transfers=[later, MOVE])
    # Sorted by date: row 3 (March, P1 -> P2), then row 2 (June, P3 -> P1): P2 ≠ P3.
    assert ("transfer_chain", "transfers", 2, "from_post_id") in codes(ds)
    assert not any(p.code == "transfer_chain_end" for p in ds.problems)  # ends at P1


def test_transfer_rows_are_checked():
    ds = dataset(
        posts=[POST, PLUMBER],
        staff=[person(post_id="P2", start=D(2025, 1, 1), end_date=D(2025, 6, 30))],
        transfers=[
            {**MOVE, "effective_date": D(2024, 12, 1)},  # before the start date
            {**MOVE, "effective_date": D(2025, 7, 1), "from_post_id": "P2", "to_post_id": "P2"},
            {**MOVE, "from_post_id": "P9"},
        ],
    )
    found = codes(ds)
    assert ("before_start", "transfers", 2, "effective_date") in found
    assert ("after_end", "transfers", 3, "effective_date") in found
    assert ("transfer_same_post", "transfers", 3, "to_post_id") in found
    assert ("unknown_post", "transfers", 4, "from_post_id") in found


def test_post_on_a_day_follows_the_earliest_later_transfer():
    import pandas as pd

    from logistics.core.posts_on_day import PostHistory

    moves = pd.DataFrame(
        {
            "staff_id": ["S1", "S1"],
            "effective_date": pd.to_datetime(["2025-06-02", "2025-03-17"]),
            "from_post_id": ["P2", "P1"],
            "to_post_id": ["P3", "P2"],
        },
        index=[2, 3],
    )
    history = PostHistory(moves, {"S1": "P3"})
    # Before 17 March: P1; from 17 March (the effective day itself) to 1 June: P2; then P3.
    assert [
        history.post_on("S1", d)
        for d in (D(2025, 3, 14), D(2025, 3, 17), D(2025, 6, 1), D(2025, 6, 2))
    ] == ["P1", "P2", "P2", "P3"]
    assert history.post_on("S9", D(2025, 3, 1)) is None and not history.moved("S9")
