"""Independent outlets reporting one event in their own words (issue 11): small texts, behaviour a user sees."""

from __future__ import annotations

import pytest

import crosscheck
from crosscheck import ConflictType, Verdict
from crosscheck.claims import extract
from crosscheck.values import compatible

from .conftest import make_doc


def _check(*texts: str, published: str | None = None) -> crosscheck.Report:
    docs = [make_doc(f"d{i}", text, published=published) for i, text in enumerate(texts)]
    return crosscheck.check(docs)


def _measures(text: str) -> dict[str, str | None]:
    return {c.text: c.about.measure for c in extract(make_doc("x", text)) if c.kind == "quantity"}


BLAST = (
    "Twelve people were killed in the blast on Monday, police said.",
    "Fifteen people died in Monday's blast, officials said.",
)


@pytest.mark.parametrize("published", [None, "2026-03-03"])
def test_two_death_tolls_conflict_with_or_without_a_manifest(published: str | None) -> None:
    report = _check(*BLAST, published=published)
    assert len(report.conflicts) == 1, [g.explanation for g in report.groups]
    conflict = report.conflicts[0]
    assert {c.text for c in conflict.lead_claims} == {"Twelve people", "Fifteen people"}
    assert conflict.conflict_type is ConflictType.NUMERIC
    assert conflict.topic.startswith("deaths")
    assert conflict.confidence is not None and conflict.confidence >= 0.7
    assert any(r.rule == "measure" and r.weight > 0 for r in conflict.reasons)


def test_deaths_and_injuries_agree_separately() -> None:
    report = _check(
        "Three people were killed and five injured in the fire.", "The fire killed three and wounded five."
    )
    assert report.conflicts == () and report.possible_conflicts == ()
    measures = sorted(
        g.claims[0].about.measure or "" for g in report.agreements if g.claims[0].kind == "quantity"
    )
    assert measures == ["deaths", "injuries"]


def test_an_age_is_never_compared_with_a_count() -> None:
    report = _check("Gomez, 24, and Lee, 29, died at the scene.", "Two people died at the scene.")
    for group in report.groups:
        measures = {c.about.measure for c in group.claims}
        assert not ({"age", "deaths"} <= measures)
    assert report.conflicts == () and report.possible_conflicts == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two hurt in crash on Route 9", {"Two hurt": "injuries"}),
        ("14 other people were injured", {"14 other people": "injuries"}),
        ("13 others were wounded", {"13 others": "injuries"}),
        ("2 dead, 7 wounded in shooting", {"2 dead": "deaths", "7": "injuries"}),
        ("The fire killed three and wounded five.", {"three": "deaths", "five": "injuries"}),
        ("The death toll rose to 16 on Sunday.", {"16": "deaths"}),
        ("Police arrested 12 people.", {"12 people": "arrests"}),
        ("Four people were shot, one fatally.", {"Four people": "shot"}),
        ("three of them died", {"three": "deaths"}),
        ("Smith, 24, was killed", {"24": "age"}),
        # a list of ages after a noun of people or kin; "12 of them" is a part, no age
        ("His two half-brothers, 17 and 22, were also arrested.", {"17": "age", "22": "age"}),
        ("The victims, 23 and 25, were students.", {"23": "age", "25": "age"}),
        # ... and after one of them, singular: "the troubled actress, 26,", "her son, 12,"
        ("The troubled actress, 26, would be arrested.", {"26": "age"}),
        ("A woman, 45, and her son, 12, were hurt.", {"45": "age", "12": "age"}),
        ("The gunman, 24, was shot by police.", {"24": "age"}),
        # a list of numbers after a name is no age: "Vista, 7, 8 and 8.1" are versions
        ("It runs on Windows XP, Vista, 7, 8, and 8.1.", {"7": None}),
        ("The attack killed 30 people, 12 of them children.", {"12": None}),
        # a day or a month before the comma is no name: "Wednesday, four" is no age
        ("Five soldiers died on Wednesday, four from friendly fire.", {"four": None}),
        ("The toll rose in June, 12 of them children.", {"12": None}),
        ("a 45-year-old man was killed", {"45-year-old man": "age"}),
        ("The quake killed one person.", {"one person": "deaths"}),
        ("bringing the confirmed death toll from the disaster to 11.", {"11": "deaths"}),
        ("Five people had so far been confirmed dead.", {"Five people": "deaths"}),
        ("Rescuers found 14 children still trapped under debris.", {"14 children": "trapped"}),
        ("Manokwari, home to 167,000 people, was hit.", {"167,000 people": "population"}),
        # a headcount: the noun says what is counted, no word says what happened to them
        ("Three climbers set out on Friday.", {"Three climbers": "people"}),
        ("More than 300 Palestinians marched.", {"More than 300 Palestinians": "people"}),
        ("Over 2.5 million Turkmens are eligible to vote.", {"Over 2.5 million Turkmens": "people"}),
        ("About 1,000 Kurds fled.", {"About 1,000 Kurds": "people"}),
        ("Twelve people were killed.", {"Twelve people": "deaths"}),
        ("They found 40 bodies.", {"40 bodies": "deaths"}),
        # a quake's size: a number of its shape next to a quake word, or with its unit
        ("A 5.9 quake struck the island.", {"5.9 quake": "magnitude"}),
        ("two quakes, measuring 7.6 and 7.4, struck", {"7.6": "magnitude", "7.4": "magnitude"}),
        ("Police arrested 12, 15 or 20 people.", {"12": "arrests", "15": "arrests"}),
        ("The attack killed 12 and wounded 5.", {"12": "deaths", "5": "injuries"}),
        ("a 6.1-magnitude earthquake hit", {"6.1-magnitude earthquake": "magnitude"}),
        ("One earthquake killed 12 people.", {"12 people": "deaths"}),
        # a count of times is how often, never how many people
        ("He was shot seven times in the chest.", {"seven times": None}),
        ("He was arrested three times last year.", {"three times": None}),
        ("Two people were shot, one of them three times.", {"Two people": "shot", "three times": None}),
        # a figure before a comparative and "than" is a difference; "more than 10" is a bound
        ("He had 2,282 points, eight fewer than Ford.", {"eight": "difference", "2,282 points": None}),
        ("The toll is three higher than reported.", {"three higher": "difference"}),
        ("More than 10 people died.", {"More than 10 people": "deaths"}),
        # a person's record is no count of the event ("four prior arrests")
        ("Gray has four prior arrests, police said.", {"four prior arrests": None}),
        ("Police said four people were arrested.", {"four people": "arrests"}),
        ("Two former employees were injured.", {"Two former employees": "injuries"}),
        # "missing" before a number says it only of people
        ("He was missing 10 games.", {"10 games": None}),
        ("The ship is missing three crew members.", {"three crew members": "missing"}),
    ],
)
def test_what_a_number_measures(text: str, expected: dict[str, str | None]) -> None:
    found = _measures(text)
    for claim_text, measure in expected.items():
        assert claim_text in found and found[claim_text] == measure, found


def _q(text: str) -> crosscheck.Quantity:
    value = next(c.value for c in extract(make_doc("x", text)) if c.kind == "quantity")
    assert isinstance(value, crosscheck.Quantity)
    return value


@pytest.mark.parametrize(
    ("a", "b", "both"),
    [
        ("more than 2,000 troops", "more than 3,000 troops", False),  # each outlet's nearest round figure
        ("2,000 troops", "more than 2,000 troops", True),  # one round figure, qualified once
        ("2,000 troops", "about 2,100 troops", True),
        ("more than 2,000 troops", "about 2,100 troops", True),
        ("more than 20 people", "25 people", True),
        # a bounded round figure against an estimate: both reporters' round figures, read apart
        ("at least 70 people", "about 100 people", False),
        ("at least 6,000 Web sites", "about 10,000 websites", False),
        ("more than 2,000 troops", "nearly 2,500 troops", True),
        ("at least 4 people", "at least 5 people", False),  # each outlet's own count
        ("12 people", "15 people", False),
        ("about 200 feet", "about 60 metres", True),  # one length in two units
        ("about 200 feet", "about 200 metres", False),
        ("two decades", "21 years", True),  # one duration in two units, read to its precision
        ("a three-month stay", "a 90-day stay", True),
        ("about one minute", "around 15 seconds", False),
        ("15 years", "16 years", False),
    ],
)
def test_reporters_numbers(a: str, b: str, both: bool) -> None:
    assert compatible(_q(a), _q(b)) is both


def test_a_conflict_only_under_the_reading_says_so() -> None:
    report = _check(
        "China sent more than 2,000 troops to the drills on Monday.",
        "China sent more than 3,000 troops to the drills on Monday.",
        published="2022-09-06",
    )
    found = report.conflicts + report.possible_conflicts
    assert found and "both could hold literally" in found[0].explanation


def test_a_later_figure_is_an_updated_conflict_with_both_dates() -> None:
    docs = [
        make_doc("sun", "Sixteen people were wounded in the shooting, police said.", published="2026-04-05"),
        make_doc(
            "mon", "Seventeen people were wounded in the shooting, police said.", published="2026-04-06"
        ),
    ]
    report = crosscheck.check(docs)
    groups = report.conflicts + report.possible_conflicts
    assert len(groups) == 1
    assert groups[0].conflict_type is ConflictType.UPDATED
    assert "2026-04-05" in groups[0].explanation and "2026-04-06" in groups[0].explanation
    assert "may be an update" in groups[0].explanation


def test_uncertain_clashes_are_possible_conflicts_ranked_after_conflicts() -> None:
    report = _check(
        "He had 53 catches for 605 yards.", "He had eight catches for 101 yards.", published="2026-01-05"
    )
    assert report.conflicts == ()
    order = [g.verdict for g in report.groups]
    assert order == sorted(
        order,
        key=[Verdict.CONFLICT, Verdict.POSSIBLE_CONFLICT, Verdict.AGREEMENT, Verdict.SINGLE_SOURCE].index,
    )


def test_every_multi_document_group_has_confidence_and_reasons(seed_report: crosscheck.Report) -> None:
    for group in seed_report.groups:
        if group.verdict is Verdict.SINGLE_SOURCE:
            assert group.confidence is None
        else:
            assert group.confidence is not None and 0 <= group.confidence <= 1
            assert group.reasons
            data = seed_report.to_dict()
    assert all("confidence" in g and "reasons" in g for g in data["groups"])  # type: ignore[union-attr]


def test_a_headcount_meets_the_slot_of_another_report_but_slots_never_meet_each_other() -> None:
    report = _check(
        "Officials said 24 people were among the victims of Monday's quake in the province.",
        "Monday's quake in the province killed 24 people, officials said.",
        "Monday's quake in the province injured 24 people, officials said.",
    )
    assert report.conflicts == () and report.possible_conflicts == ()
    together = [g for g in report.agreements if {c.text for c in g.lead_claims} >= {"24 people"}]
    measures = [sorted(c.about.measure or "" for c in g.claims) for g in together]
    assert ["deaths", "people"] in measures or ["injuries", "people"] in measures, measures
    for group in report.groups:
        assert not {"deaths", "injuries"} <= {c.about.measure for c in group.claims}


def test_a_dated_background_figure_meets_the_same_figure_in_a_later_story() -> None:
    # "in 2004" is years before both stories were published: the dates are evidence, not a veto
    docs = [
        make_doc("a", "The 2004 tsunami killed about 230,000 people around the Indian Ocean.", "2013-07-02"),
        make_doc("b", "That tsunami killed 230,000 people around the Indian Ocean.", "2013-07-03"),
    ]
    report = crosscheck.check(docs)
    assert [
        sorted(c.document for c in g.lead_claims) for g in report.agreements if g.claims[0].kind == "quantity"
    ] == [["a", "b"]]


@pytest.mark.parametrize("bad", ["people", [("people", "deaths")], [("people",)], [(1, ("deaths",))]])
def test_measure_families_must_be_pairs_of_a_measure_and_its_slots(bad: object) -> None:
    with pytest.raises(crosscheck.ConfigError, match="measure_families"):
        crosscheck.Config(measure_families=bad)  # type: ignore[arg-type]


def test_weekdays_of_undated_pages_compare_by_the_day_they_name() -> None:
    same = _check(
        "The plant was evacuated on Friday after the explosion, officials said.",
        "Officials said the plant was evacuated Friday after the explosion.",
        published=None,
    )
    dates = [g for g in same.agreements if g.claims[0].kind == "date"]
    assert [sorted(c.text for c in g.lead_claims) for g in dates] == [["Friday", "on Friday"]]
    other = _check(
        "The plant was evacuated on Friday after the explosion, officials said.",
        "Officials said the plant was evacuated Saturday after the explosion.",
        published=None,
    )
    assert other.conflicts == ()  # either weekday could be this week's or last week's
    assert [g for g in other.possible_conflicts if g.claims[0].kind == "date"]
    assert "neither date can be placed on the calendar" in other.possible_conflicts[0].explanation


@pytest.mark.parametrize("day_first", ["on 27 December", "on the 27th of December"])
def test_a_day_written_day_first_on_an_undated_page_is_the_same_day(day_first: str) -> None:
    report = _check(
        f"Israel launched its offensive in Gaza {day_first} after rocket attacks, officials said.",
        "Israel launched its offensive in Gaza on December 27 after rocket attacks, officials said.",
        published=None,
    )
    dates = [g for g in report.agreements if g.claims[0].kind == "date"]
    assert len(dates) == 1 and len({c.document for c in dates[0].claims}) == 2


def test_one_plan_said_with_and_without_will_agrees_and_a_plan_never_conflicts_with_a_fact() -> None:
    """ "will take effect in about 30 days" and "take effect in 30 days" report one plan; "will send
    five warships" and "sent three warships" may be a plan and what came of it: no conflict."""
    same = _check(
        "The new rules will take effect in about 30 days, the department said on Monday.",
        "The new rules, which take effect in 30 days, were announced by the department on Monday.",
    )
    figures = [g for g in same.agreements if g.lead_claims[0].kind == "quantity"]
    assert [{c.text for c in g.lead_claims} for g in figures] == [{"about 30 days", "30 days"}]
    other = _check(
        "The navy will send five warships to the exercise, officials said on Monday.",
        "The navy sent three warships to the exercise, officials said on Monday.",
    )
    assert other.conflicts == () and other.possible_conflicts == ()


def test_two_headcounts_of_different_groups_are_no_conflict() -> None:
    # "five women" and "six others": both count people, neither says which fact
    report = _check(
        "Police said five women were at the compound on Monday.",
        "Police said six others were at the compound on Monday.",
    )
    assert report.conflicts == ()


def test_a_quakes_magnitude_written_with_or_without_its_unit_is_one_fact() -> None:
    report = _check(
        "A 5.9 quake struck the island on Monday.", "The 5.9-magnitude earthquake struck on Monday."
    )
    assert report.conflicts == () and report.possible_conflicts == ()
    assert any(
        {c.text for c in g.lead_claims} == {"5.9 quake", "5.9-magnitude earthquake"}
        for g in report.agreements
    )
    clash = _check(
        "A 6.1 quake struck the island on Monday.", "A 5.9-magnitude earthquake struck the island on Monday."
    )
    assert [{c.text for c in g.lead_claims} for g in clash.conflicts] == [
        {"6.1 quake", "5.9-magnitude earthquake"}
    ]


def test_one_earthquake_is_a_count_of_quakes_not_a_magnitude() -> None:
    claims = [
        c for c in extract(make_doc("x", "One earthquake and two aftershocks hit.")) if c.kind == "quantity"
    ]
    assert all(c.about.measure != "magnitude" for c in claims), [(c.text, c.about.measure) for c in claims]


def test_the_same_figure_counts_for_one_fact_and_different_figures_do_not_count_against() -> None:
    same = _check(
        "Neighbours said the 59-year-old mother had lived on Elm Street for years.",
        "The 59-year-old woman was found dead in her Elm Street home.",
    )
    [agreement] = [g for g in same.agreements if g.claims[0].about.measure == "age"]
    assert any(r.rule == "figure" and r.weight > 0 and "59" in r.detail for r in agreement.reasons)
    other = _check(
        "Neighbours said the 59-year-old mother had lived on Elm Street for years.",
        "The 61-year-old woman was found dead in her Elm Street home.",
    )
    for group in other.groups:
        assert all(r.rule != "figure" for r in group.reasons)


@pytest.mark.parametrize(
    ("weekday", "verdict"), [("Friday", Verdict.POSSIBLE_CONFLICT), ("Tuesday", Verdict.AGREEMENT)]
)
def test_an_undated_pages_weekday_meets_a_dated_reports_day(weekday: str, verdict: Verdict) -> None:
    report = crosscheck.check(
        [
            make_doc("a", f"John Smith was arrested on {weekday} in Riverton, police said.", published=None),
            make_doc(
                "b",
                "John Smith was arrested on Tuesday, December 9, 2008, in Riverton, police said.",
                published="2008-12-10",
            ),
        ]
    )
    [group] = [g for g in report.groups if g.claims[0].kind == "date" and len(g.lead_claims) == 2]
    assert group.verdict is verdict
    assert {c.text for c in group.lead_claims} == {f"on {weekday}", "on Tuesday, December 9, 2008"}


def test_an_undated_page_dating_its_event_meets_a_report_published_years_later() -> None:
    report = crosscheck.check(
        [
            make_doc(
                "a", "In 2011 the warehouse fire in Riverton killed 12 people, police said.", published=None
            ),
            make_doc(
                "b",
                "A jury found that the warehouse fire in Riverton that killed 12 people was set by a neighbour.",
                published="2013-04-11",
            ),
        ]
    )
    assert [sorted(c.document for c in g.claims) for g in report.agreements] == [["a", "b"]]


def test_a_bare_count_meets_a_death_toll_and_agrees_but_never_conflicts() -> None:
    same = _check(
        "At least 12, including children, were found in the rubble.", "At least 12 people were killed."
    )
    assert [{c.text for c in g.claims} for g in same.agreements] == [{"At least 12", "At least 12 people"}]
    other = _check(
        "At least 14, including children, were found in the rubble.", "At least 12 people were killed."
    )
    assert other.conflicts == ()


def test_a_claim_whose_document_states_its_fact_far_better_elsewhere_is_another_fact() -> None:
    # One fact per document: "the first time China sent three branches" shares a value with the
    # other report's "first time", but "third time landed" is the far better match for it.
    report = _check(
        "Russian bombers landed in China for the third time on Tuesday, the defence ministry said in a "
        "statement. The drill marked the first time that China has sent forces from three branches of "
        "its military to a single exercise.",
        "Russian bombers landed in China for the first time on Tuesday, the defence ministry said in a statement.",
    )
    assert [sorted((c.document, c.text) for c in g.lead_claims) for g in report.conflicts] == [
        [("d0", "third time"), ("d1", "first time")]
    ]
    for group in report.agreements:
        assert "first time" not in {c.text for c in group.claims}


def test_a_denied_figure_still_says_what_its_document_counts() -> None:
    # Two scopes read what a document says of a figure whether it asserts or denies it: the first
    # report's five warships are China's, so its "two anti-submarine ships" (Russia's) are another
    # scope, not a conflict with the second report's five warships.
    report = _check(
        "The Russian navy sent two anti-submarine ships to the drills, while China did not dispatch "
        "five warships to the exercise in the Sea of Japan, the ministry said.",
        "China dispatched five warships to the exercise in the Sea of Japan on Sunday, the ministry said.",
    )
    clashes = [sorted(c.text for c in g.claims if c.kind == "quantity") for g in report.conflicts]
    assert ["five warships", "two anti-submarine ships"] not in clashes
    assert all("two anti-submarine ships" not in texts for texts in clashes)


def test_the_same_reporting_verb_is_no_evidence_of_one_fact() -> None:
    # "said" on both sides says nothing of which fact two dates give: a letter "said" on Tuesday and
    # a drill a ministry "said" began on Monday share only the verb of saying.
    report = _check(
        "In a letter on Tuesday, the president said the country was ready to forge a closer partnership.",
        "The ministry said on Monday that the naval drills had begun in the East China Sea.",
        published="2022-12-01",
    )
    for group in report.groups:
        assert all(r.rule != "action" or "said" not in r.detail for r in group.reasons)


def test_bombs_and_explosions_count_one_thing() -> None:
    """ "Three bombs" and "three explosions" at one marathon are one count: they agree."""
    report = _check(
        "Three bombs went off near the finish line of the marathon on Monday, police said.",
        "Three explosions went off near the finish line of the marathon on Monday, officials said.",
    )
    [agreement] = [g for g in report.agreements if g.claims[0].kind == "quantity"]
    assert {c.text for c in agreement.claims} == {"Three bombs", "Three explosions"}


def test_a_count_of_further_ones_is_a_part() -> None:
    """ "Three further explosions" counts more of them, not all of them: never a conflict with "two"."""
    report = _check(
        "Two bombs went off near the finish line of the marathon on Monday, police said.",
        "Three further explosions went off near the finish line of the marathon on Monday, officials said.",
    )
    assert report.conflicts == ()
    [further] = [c for c in report.claims if c.text == "Three further explosions"]
    assert further.about.part


def test_a_toll_that_grows_within_one_report_is_one_fact() -> None:
    """A report that gives the early toll and the later one ("killing one person", then "24
    people were killed") holds two values of one growing count: both meet another outlet's figure in
    one finding, not two groups that never compare."""
    report = _check(
        "A strong earthquake struck the province on Tuesday, killing one person, officials said.\n\n"
        "By evening the disaster agency said 24 people were killed in the earthquake and 200 injured.",
        "Five people were killed in the earthquake that struck the province on Tuesday, officials said.",
        "The earthquake that struck the province on Tuesday killed 24 people, the disaster agency said.",
    )
    deaths = [g for g in report.groups if any(c.about.measure == "deaths" for c in g.claims)]
    assert len(deaths) == 1, [g.explanation for g in deaths]
    assert {c.text for c in deaths[0].claims} >= {"one person", "24 people", "Five people"}
    assert deaths[0].verdict in (Verdict.CONFLICT, Verdict.POSSIBLE_CONFLICT)


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("About a dozen coworkers fled the building.", "About a dozen coworkers"),
        ("Two managers were at the plant.", "Two managers"),
        ("He argued with three co-workers.", "three co-workers"),
        ("Five engineers stayed at the site.", "Five engineers"),
        ("12 nurses stayed behind.", "12 nurses"),
        ("Klitschko led the 22,000 crowd in song.", "22,000 crowd"),
        ("The 1,000-member church burned down.", "1,000-member"),
        ("Last Friday, 1,300 biologists signed a letter.", "1,300 biologists"),
        ("Three politicians spoke at the rally.", "Three politicians"),
        ("Two plainclothes police officers fired.", "Two plainclothes police officers"),
        (
            "More than 1,300 federal and independent scientists wrote.",
            "More than 1,300 federal and independent scientists",
        ),
    ],
)
def test_a_count_of_people_named_by_their_role_is_a_headcount(text: str, counted: str) -> None:
    assert _measures(text)[counted] == "people"


def test_kin_are_no_headcount() -> None:
    assert _measures("The woman left four sons.")["four sons"] is None


def test_a_role_ending_is_no_headcount_in_a_word_that_names_no_role() -> None:
    assert _measures("He added 10 assists in the game.")["10 assists"] is None


def test_an_undated_page_is_held_to_the_agreement_bar_like_any_other() -> None:
    """ "Smith scored 31 points" in a dated report and "He finished with 31 points" on an undated page
    score 63: an agreement whether or not the page carries a date."""
    texts = ("Smith scored 31 points in the win.", "He finished with 31 points.")
    for published in ("2013-03-01", None):
        report = crosscheck.check(
            [
                make_doc("dated", texts[0], published="2013-03-01"),
                make_doc("other", texts[1], published=published),
            ]
        )
        assert [{c.document for c in g.claims} for g in report.agreements] == [{"dated", "other"}], published


def test_durations_in_two_units_are_one_fact() -> None:
    """ "ruled for two decades" and "ruled for 21 years" give one length of rule: an agreement, where
    the two units kept them apart before."""
    report = _check(
        "Niyazov ruled Turkmenistan for two decades until his death, officials said on Monday.",
        "Niyazov ruled Turkmenistan for 21 years until his death, officials said on Monday.",
    )
    figures = [g for g in report.agreements if g.lead_claims[0].kind == "quantity"]
    assert [{c.text for c in g.lead_claims} for g in figures] == [{"two decades", "21 years"}]
    assert report.conflicts == () and report.possible_conflicts == ()


def test_two_distances_of_one_named_action_conflict_and_bare_distances_stay_candidates() -> None:
    """A unit alone names no fact ("55 kilometres", "320 kilometres"), but the same action measuring
    both ("fell 150 metres" / "fell about 60 metres") does."""
    fell = _check(
        "The climber fell 150 metres from the ridge on Friday, rescuers said.",
        "The climber fell about 60 metres from the ridge on Friday, rescuers said.",
    )
    assert [{c.text for c in g.lead_claims} for g in fell.conflicts] == [{"150 metres", "about 60 metres"}]
    apart = _check(
        "The village lies 55 kilometres from the ridge where the climber was found on Friday.",
        "The village lies 320 kilometres from the ridge where the climber was found on Friday.",
    )
    assert apart.conflicts == () and len(apart.possible_conflicts) == 1


def test_a_figure_said_under_a_negation_is_compared_as_a_candidate() -> None:
    """ "we wouldn't have 355 damaged shops" still counts the shops, but a negation near a figure often
    belongs to another clause: against "565 damaged shops" the clash is a possible conflict of the
    figures (not a denial), and it says why it is uncertain. Before, the two were never compared."""
    report = _check(
        "If it had, we wouldn't have 355 damaged shops in Athens after the riots, the owner said.",
        "In Athens, we had 565 damaged shops after the riots, the owner said.",
    )
    assert report.conflicts == ()
    assert [{c.text for c in g.lead_claims} for g in report.possible_conflicts] == [
        {"355 damaged shops", "565 damaged shops"}
    ]
    candidate = report.possible_conflicts[0]
    assert candidate.conflict_type is ConflictType.NUMERIC
    assert "355 is below 565" in candidate.explanation and "denies" not in candidate.explanation
    assert "one side is said under a negation" in candidate.explanation


FIRE = (
    "A total of 31 separate pieces of firefighting apparatus responded to the blaze on Friday, the fire chief said.",
    "The fire chief said 31 fire apparatus responded to the blaze on Friday.",
)


def test_one_rare_figure_counted_under_two_names_is_one_agreement() -> None:
    """ "31 separate pieces" and "31 fire apparatus": blocking keeps the two counted things apart, the
    rare figure and its sentence join them (`align.bridge`)."""
    report = _check(*FIRE)
    assert [{c.text for c in g.claims} for g in report.agreements if g.claims[0].kind == "quantity"] == [
        {"31 separate pieces", "31 fire apparatus"}
    ]
    assert report.conflicts == () and report.possible_conflicts == ()


def test_a_figure_one_report_gives_under_two_names_bridges_nothing() -> None:
    """A box score gives "11 points" and "11 rebounds": it tells the two apart, so the rare figure never
    joins one report's points with another's rebounds."""
    report = _check(
        "Echenique grabbed 11 rebounds in the second half on Friday, the team said.",
        "Echenique scored 11 points in the second half on Friday, the team said.",
        "Gregory Echenique had 11 points, 11 rebounds and six blocked shots on Friday, the team said.",
    )
    groups = [{c.text for c in g.claims} for g in report.groups if g.claims[0].kind == "quantity"]
    assert {"11 points", "11 rebounds"} not in groups
    assert all(not ({"11 points", "11 rebounds"} <= texts) for texts in groups)


@pytest.mark.parametrize("figure", ["30", "7"])
def test_a_round_or_small_figure_bridges_nothing(figure: str) -> None:
    report = _check(*(text.replace("31", figure) for text in FIRE))
    assert [g for g in report.agreements if g.claims[0].kind == "quantity"] == []


def test_two_turnouts_conflict_and_a_turnout_never_meets_another_percentage() -> None:
    """A turnout is a slot of its own, filled only by a percentage ("turnout was almost 90%", "a turnout
    of 93.87 percent"): two turnouts of one election are one fact, so they conflict; a percentage that
    says of nothing what it measures (inflation, here) is at most a candidate against it."""
    report = _check(
        "The election commission said turnout was 93.87 percent in Sunday's parliamentary vote.",
        "Officials in the capital said voter turnout was almost 90% after polls closed on Sunday.",
    )
    assert [{c.text for c in g.lead_claims} for g in report.conflicts] == [{"93.87 percent", "almost 90%"}]
    assert "conflict on turnout" in report.conflicts[0].explanation
    apart = _check(
        "The election commission said turnout was 93.87 percent in Sunday's parliamentary vote.",
        "Inflation was 12 percent before Sunday's parliamentary vote, the election commission said.",
    )
    assert apart.conflicts == ()
    assert _measures("A turnout of 3,000 voters was reported.")["3,000 voters"] != "turnout"


@pytest.mark.parametrize(
    ("one", "other", "both_hold"),
    [
        ("22 miles", "35 kilometers", True),  # one depth given in two units: a rounded conversion
        ("10 miles", "16 kilometers", True),
        ("35 kilometers", "36 kilometers", False),  # one unit: as written
        ("22 miles", "40 kilometers", False),
        ("about 200 feet", "about 60 metres", True),
    ],
)
def test_a_figure_converted_between_units_is_read_to_its_last_digit(
    one: str, other: str, both_hold: bool
) -> None:
    assert compatible(_q(one), _q(other)) is both_hold


def test_a_figure_in_two_units_agrees_with_the_same_figure_in_one() -> None:
    """ "a depth of 22 miles (35 kilometers)" against "a depth of 35 kilometers": one depth, not a
    clash of 22 miles with 35 kilometers."""
    report = _check(
        "The quake struck at a depth of 22 miles (35 kilometers) off the coast on Sunday, officials said.",
        "The quake struck at a depth of 35 kilometers off the coast on Sunday, officials said.",
    )
    assert report.conflicts == () and report.possible_conflicts == ()
    assert any({c.text for c in g.claims} >= {"22 miles", "35 kilometers"} for g in report.agreements)


def test_two_counts_of_the_injured_in_critical_condition_conflict() -> None:
    """ "55 wounded, 15 critically" and "55 others injured, five of them critically": the injured in
    critical condition are a count of their own, so 5 against 15 is a conflict, and neither meets
    the injury count of 55."""
    report = _check(
        "Some 30 people were killed and 55 others injured, five of them critically, when shells hit the school.",
        "The UN confirmed 30 dead and 55 wounded at the school, 15 critically.",
    )
    assert [{c.text for c in g.lead_claims} for g in report.conflicts] == [{"five", "15"}]
    assert "conflict on critical" in report.conflicts[0].explanation
    assert _measures("Three were in critical condition.")["Three"] == "critical"
    assert _measures("Twelve people were critically injured.")["Twelve people"] == "injuries"


@pytest.mark.parametrize(
    ("text", "claim_text", "amount"),
    [
        ("Firefighters fought the blaze in temperatures of minus 17 degrees.", "minus 17 degrees", "-17"),
        ("Outside, temperatures were minus 20 as crews worked.", "minus 20", "-20"),
        ("The mercury fell to \u22125 degrees overnight.", "\u22125 degrees", "-5"),
        ("COVID-19 killed 12 people in the town.", "12 people", "12"),  # a name's number keeps no sign
        ("Between 10 and 12 people died.", "Between 10 and 12 people", "10"),
    ],
)
def test_a_sign_before_a_figure_is_read(text: str, claim_text: str, amount: str) -> None:
    """ "minus 20" is -20: read as 20, it agreed with "20 degrees" and never clashed with "minus 17"."""
    claims = {c.text: c for c in extract(make_doc("x", text)) if c.kind == "quantity"}
    value = claims[claim_text].value
    assert isinstance(value, crosscheck.Quantity) and str(value.amount) == amount
    assert make_doc("x", text).text[claims[claim_text].span.start : claims[claim_text].span.end] == claim_text


def test_two_temperatures_of_one_fire_conflict() -> None:
    report = _check(
        "Firefighters fought the blaze in temperatures of minus 17 degrees on Sunday, the fire chief said.",
        "Outside temperatures were minus 20 on Sunday as firefighters battled the blaze, the fire chief said.",
    )
    assert [{c.text for c in g.lead_claims} for g in report.conflicts] == [{"minus 17 degrees", "minus 20"}]
    assert "conflict on temperature" in report.conflicts[0].explanation


def test_observers_count_people_and_a_dash_written_as_a_hyphen_ends_the_counted_noun() -> None:
    assert _measures("The OSCE sent only three observers to the vote.")["three observers"] == "people"
    found = _measures("He finished with 4,051 yards-breaking the rookie record set a year ago.")
    assert "4,051 yards" in found


def test_an_age_beside_a_name_is_not_hedged_by_its_clause() -> None:
    """ "Matt Smith, 26, will make his debut in 2010": the debut is a plan, the age is not; it agrees
    with "Smith, 26, who played a researcher"."""
    report = _check(
        "Smith, 26, who played a young political researcher in the show, won the role on Saturday.",
        "Matt Smith, 26, will make his debut in 2010, replacing David Tennant.",
    )
    assert any({c.text for c in g.claims} == {"26"} and len(g.claims) == 2 for g in report.agreements)


def test_a_count_with_a_clause_of_its_own_is_not_hedged_by_the_sentence() -> None:
    """ "Fans will always remember the ten actors who played the Doctor": the remembering is to come,
    the ten actors are a fact; it agrees with "the 10 actors who have previously portrayed him"."""
    report = _check(
        "Fans of the show will always remember the ten actors who played Doctor Who before Smith.",
        "Wired takes a look back at the 10 actors who have previously portrayed Doctor Who.",
    )
    assert any({c.text for c in g.claims} == {"ten actors", "10 actors"} for g in report.agreements)


@pytest.mark.parametrize(
    ("text", "thing"), [("Jeffs had 19 wives.", "wife"), ("Police found two knives.", "knife")]
)
def test_an_irregular_plural_counts_its_singular(text: str, thing: str) -> None:
    claim = next(c for c in extract(make_doc("x", text)) if c.kind == "quantity")
    assert claim.about.thing == thing


def test_a_figure_after_an_ascii_hyphen_gives_no_claim_rather_than_a_wrong_sign() -> None:
    assert _measures("Temperatures fell to -17 degrees overnight.") == {}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Klitschko led the crowd of 22,000 in song.", "Klitschko led the 22,000 crowd in song."),
        (
            "Two plainclothes police officers shot the teenager.",
            "Two plainclothes officers shot the teenager.",
        ),
        ("He survived two nights in an ice cave.", 'He survived two "horrific" nights in an ice cave.'),
    ],
)
def test_one_count_named_with_other_modifiers_agrees(a: str, b: str) -> None:
    report = _check(a, b)
    together = [g for g in report.groups if len({c.document for c in g.claims}) == 2]
    assert [g.verdict for g in together] == [Verdict.AGREEMENT], [g.explanation for g in report.groups]


def test_an_average_never_meets_one_games_count() -> None:
    """ "22.8 points" is an average (no game gives a fraction of a point): it never conflicts with one
    game's "24 points", while two outlets' averages still meet."""
    report = _check(
        "Hansbrough averaged 22.8 points and 7.2 rebounds last season.",
        "Hansbrough scored 24 points and grabbed seven rebounds last season.",
    )
    assert not report.conflicts and not report.possible_conflicts
    report = _check(
        "Hansbrough averaged 22.8 points last season.", "Hansbrough averaged 21.8 points last season."
    )
    assert [sorted(c.text for c in g.claims) for g in report.conflicts] == [["21.8 points", "22.8 points"]]


def test_a_group_holds_at_most_three_values_that_cannot_both_hold() -> None:
    """One fact misreported gives two or three figures; four durations of one story that no two can share
    are several facts of one kind, never one conflict group (Config.max_values)."""
    texts = (
        "The review of the rules took six weeks, officials said on Monday.",
        "The review of the rules took four months, officials said on Monday.",
        "The review of the rules took eight years, officials said on Monday.",
        "The review of the rules took 35 years, officials said on Monday.",
    )
    docs = [make_doc(f"d{i}", t, published="2024-05-06") for i, t in enumerate(texts)]

    def widest(report: crosscheck.Report) -> int:
        return max(
            len({c.document for c in g.lead_claims}) for g in report.groups if g.claims[0].kind == "quantity"
        )

    assert widest(crosscheck.check(docs)) == 3
    assert widest(crosscheck.check(docs, config=crosscheck.Config(max_values=0))) == 4


def test_a_partitive_count_agrees_and_is_a_part() -> None:
    """ "completed 28 of 41 passes" counts passes: its 28 agrees with another outlet's "28 passes", and
    its 41 (all the passes thrown) is no conflict with the 28 completed."""
    report = _check(
        "Garrard completed 28 of 41 passes for 329 yards on Sunday, the team said.",
        "Garrard, who completed 28 passes for 329 yards on Sunday, ran for two yards.",
    )
    assert [c.text for g in report.conflicts for c in g.claims] == []
    [part] = [c for c in report.claims if c.text == "28" and c.document == report.documents[0].id]
    assert part.about.part and part.about.thing == "pass"
    assert any({c.text for c in g.claims} == {"28", "28 passes"} for g in report.agreements)


@pytest.mark.parametrize(
    ("first", "second", "conflicts"),
    [
        # two rounds of one fight, described in turn: two segments, no conflict
        (
            "Klitschko dominated the third round in Bern on Saturday, officials said.",
            "Klitschko landed a big right in the fourth round in Bern on Saturday, officials said.",
            0,
        ),
        # the round one deed happened in, told two ways: a conflict
        (
            "Klitschko stopped Rahman in the sixth round on Saturday, officials said.",
            "Klitschko stopped Rahman in the seventh round on Saturday, the referee said.",
            1,
        ),
        # two series their words tell apart: the league's coaches fired, the conference's
        (
            "Cheeks became the fifth NBA coach fired this season, the team said on Saturday.",
            "Cheeks is the third Eastern Conference head coach fired this season, it said on Saturday.",
            0,
        ),
    ],
)
def test_ordinals_of_other_positions_are_no_conflict(first: str, second: str, conflicts: int) -> None:
    report = _check(first, second)
    assert len([g for g in report.conflicts if g.claims[0].kind == "ordinal"]) == conflicts


def test_two_peoples_figures_are_a_possible_conflict_only() -> None:
    """ "Rosario scored 22 points" and "Ely scored 23 points": two players' figures, told apart by their
    names, are at most a possible conflict, with the reason said; one player's two figures conflict."""
    report = _check(
        "Guard Mike Rosario scored 22 points in the game at the arena on Saturday, officials said.",
        "Guard Shy Ely scored 23 points in the game at the arena on Saturday, officials said.",
    )
    assert not [g for g in report.conflicts if g.claims[0].kind == "quantity"]
    assert any("two people's" in g.explanation for g in report.possible_conflicts)
    same = _check(
        "Guard Mike Rosario scored 22 points in the game at the arena on Saturday, officials said.",
        "Guard Mike Rosario scored 23 points in the game at the arena on Saturday, officials said.",
    )
    assert [g.topic for g in same.conflicts if g.claims[0].kind == "quantity"]


@pytest.mark.parametrize(
    ("first", "second", "conflicts"),
    [
        # one climber's age told two ways, his name beside both: a conflict (the weekday before the
        # second is no name)
        (
            "Robert Buckley, 32, fell while climbing on Mount Sefton on Saturday, police said.",
            "On Saturday, 31-year-old Robert Buckley fell while climbing on Mount Sefton, police said.",
            1,
        ),
        # a gang member's age and a wounded woman's: whose is not said on both sides
        (
            "An 18-year-old gang member shot the women on Mount Sefton on Saturday, police said.",
            "Unique Armstead, 32, was shot on Mount Sefton on Saturday, police said.",
            0,
        ),
    ],
)
def test_two_ages_conflict_only_as_one_named_persons(first: str, second: str, conflicts: int) -> None:
    report = _check(first, second)
    ages = [g for g in report.conflicts if g.claims[0].about.measure == "age"]
    assert len(ages) == conflicts
    if conflicts:
        assert {c.about.actor for c in ages[0].claims} == {"Buckley"}


def test_a_difference_is_no_count_of_its_own() -> None:
    """ "five rounds sooner than" and "eight fewer than" are differences between figures: they never
    meet the counts themselves ("the bout went 11 rounds")."""
    report = _check(
        "Klitschko finished the fight five rounds sooner than in their first bout, officials said.",
        "The first bout between Klitschko and Thompson went 11 rounds, officials said.",
    )
    [five] = [c for c in report.claims if c.text == "five rounds"]
    assert five.about.measure == "difference"
    assert not [g for g in report.conflicts if g.claims[0].kind == "quantity"]


@pytest.mark.parametrize(("second", "conflicts"), [("2008-12-14", 0), ("2008-12-12", 1)])
def test_a_count_of_days_moves_on_by_a_day_a_day(second: str, conflicts: int) -> None:
    """ "the sixth straight day" of protests and, two days later, "the eighth day": the count moved
    on. The same day, the two counts conflict."""
    docs = [
        make_doc(
            "d0", "Riots in Athens went on for the sixth straight day of protests, police said.", "2008-12-12"
        ),
        make_doc(
            "d1", "Riots in Athens went on for the eighth straight day of protests, police said.", second
        ),
    ]
    report = crosscheck.check(docs)
    assert len([g for g in report.conflicts if g.claims[0].kind == "ordinal"]) == conflicts


def test_a_relative_date_in_quoted_speech_is_a_possible_conflict_only() -> None:
    """ "I watched the show tonight" and "I watched the show last night", each quoted: a relative date
    in speech counts from when it was said, which the page need not date."""
    report = _check(
        '"I watched the show tonight with my family," Smith told reporters.',
        '"I watched the show last night with my family," Smith told reporters.',
        published="2013-08-05",
    )
    assert not [g for g in report.conflicts if g.claims[0].kind == "date"]
    assert any("quotation" in g.explanation for g in report.possible_conflicts)
