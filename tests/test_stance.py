"""Tests for pipeline.stages.stance: classifying reply passages and the stance per recommendation."""
from __future__ import annotations

import pytest

from pipeline.nlp import analyse
from pipeline.records import StanceLabel
from pipeline.stages import recommendations as R
from pipeline.stages.segment import segment
from pipeline.stages.stance import classify, passages, stances

A, P, D, J, N = (StanceLabel.accepted, StanceLabel.partially_addressed, StanceLabel.deferred,
                 StanceLabel.rejected, StanceLabel.noted)


@pytest.fixture(scope="module")
def rec_rules(settings):
    return R.load_rules(settings.models_dir)


def verdict(text, nlp, lex, settings, rec_text=None):
    """Classify the whole of ``text`` as one passage, with spaCy's sentences."""
    sentences = analyse(nlp, text, [(0, len(text))], settings).sentences
    return classify(text, [(0, len(text))], sentences, lex, rec_text)


# ---- classify: one short passage -> one label

@pytest.mark.parametrize(("passage", "expected"), [
    ("Concerns 1 and 2 were addressed to the Council, and it would not be appropriate for me to comment on them.",
     StanceLabel.not_addressed),
    ("The government notes the Committee's observations. It would not be appropriate for us to comment on the "
     "content of a Private Member's Bill before Parliament.", N),
], ids=["declines-to-comment-on-the-concerns", "declines-to-comment-on-something-else"])
def test_declining_to_comment(passage, expected, nlp, lex, settings):
    """Declining to comment on the concerns themselves leaves them unanswered; declining to comment on
    a matter around them, after noting them, takes no position: noted."""
    assert verdict(passage, nlp, lex, settings).label is expected


@pytest.mark.parametrize(
    ("passage", "expected"),
    [
        # explicit label lines
        pytest.param("Recommendation accepted", A, id="label-accepted"),
        pytest.param("**Recommendation accepted**\n\nWe will issue new guidance to all forces.", A,
                     id="bold-label-then-prose"),
        pytest.param("Not accepted", J, id="label-not-accepted"),
        pytest.param("Rejected.", J, id="label-rejected"),
        pytest.param("Recommendation noted", N, id="label-noted"),
        pytest.param("Under review", D, id="label-under-review"),
        pytest.param("Recommendation accepted\n\nWe will consider whether to go further in due course.", A,
                     id="label-outweighs-softer-prose"),
        # rejected
        pytest.param("The Government does not accept this recommendation.", J, id="does-not-accept"),
        pytest.param("We will not be implementing this recommendation, as existing powers are sufficient.", J,
                     id="will-not-be-implementing"),
        pytest.param("We cannot accept this recommendation because it would cut across the statutory framework.",
                     J, id="cannot-accept"),
        pytest.param("We are not able to accept this recommendation at this time.", J, id="not-able-to-accept"),
        pytest.param("We do not agree that a new statutory duty is needed.", J, id="do-not-agree"),
        pytest.param("The Department has no plans to change the threshold.", J, id="no-plans"),
        pytest.param("We do not intend to legislate on this matter.", J, id="do-not-intend"),
        pytest.param("The Government declines to introduce a statutory duty.", J, id="declines"),
        pytest.param("While we agree with the aim, we do not accept that legislation is required.", J,
                     id="agree-aim-but-do-not-accept"),
        pytest.param("It is for individual local authorities to consider whether their code of conduct is adequate.",
                     J, id="for-others-to-consider-is-no-promise-to-consider"),
        # deferred
        pytest.param("It is right that we wait for the findings of the evaluation before taking a decision.", D,
                     id="wait-for-findings"),
        pytest.param("We will roll out the model nationally subject to a positive evaluation.", D,
                     id="subject-to-positive-evaluation"),
        pytest.param("We will consider this as part of the review of the statutory guidance.", D,
                     id="will-consider-as-part-of-review"),
        pytest.param("We will look at this again once the pilot has concluded.", D, id="once-pilot-concluded"),
        pytest.param("Ministers will take a decision once the evaluation report is published.", D,
                     id="once-report-published"),
        pytest.param("We hope these pilots will determine whether local decision making is better for children.", D,
                     id="pilots-will-determine"),
        pytest.param("NHS England has asked to be sighted on the Trust's response and will review this once received.",
                     D, id="awaits-others-response"),
        # the passive voice of official replies says the same as the active
        pytest.param("Options for a national register will be considered as part of the spending review.", D,
                     id="will-be-considered"),
        pytest.param("The funding formula is being examined by the department's analysts.", D, id="is-being-examined"),
        pytest.param("The Government agrees with the principle behind this recommendation.", P,
                     id="agrees-with-the-principle-behind"),
        # partially addressed
        pytest.param("The guidance already requires local authorities to convene a strategy discussion and was "
                     "published in 2020.", P, id="guidance-already-requires"),
        pytest.param("The Department accepts in principle the need for a named lead.", P, id="accepts-in-principle"),
        pytest.param("We partially accept this recommendation.", P, id="partially-accept"),
        pytest.param("We note the recommendation. We already publish this data and the guidance already requires it.",
                     P, id="note-but-already-does"),
        # accepted
        pytest.param("We accept this recommendation and will publish revised guidance by March.", A,
                     id="accept-and-will-publish"),
        pytest.param("We agree with the Commissioner and will update the guidance in the spring.", A,
                     id="we-agree"),
        pytest.param("This recommendation has been fully implemented.", A, id="fully-implemented"),
        pytest.param("We will ensure that every child is offered an independent guardian.", A, id="will-ensure"),
        pytest.param("Revised guidance will be published in June.", A, id="will-be-published"),
        pytest.param("Updated guidance was issued to all forces in January.", A, id="was-issued"),
        pytest.param("Work to train every call handler is under way.", A, id="under-way"),
        # noted
        pytest.param("We note the recommendation.", N, id="we-note"),
        pytest.param("Thank you for raising this matter with the Department.", N, id="no-cue"),
        # where the current cues get a realistic reply wrong
        pytest.param("The Government accepts this recommendation in principle.", P,
                     id="accepts-this-recommendation-in-principle"),
        pytest.param("We are unable to accept this recommendation.", J, id="unable-to-accept"),
        pytest.param("The Home Office will not implement this recommendation.", J, id="will-not-implement"),
        pytest.param("We will not introduce a new statutory duty.", J, id="we-will-not-introduce"),
        pytest.param("The Home Office agrees with this recommendation.", A, id="home-office-agrees"),
        pytest.param("I agree with this recommendation.", A, id="i-agree"),
        pytest.param("We support this recommendation and will introduce the new training module in April.", A,
                     id="support-and-will-introduce"),
        pytest.param("We accept parts of this recommendation.", P, id="accept-parts"),
        pytest.param("The Government is not persuaded that a new inspection regime is needed.", J,
                     id="not-persuaded"),
        pytest.param("We do not consider that further legislation is necessary at this time.", J,
                     id="do-not-consider-necessary"),
        pytest.param("The Government has decided not to proceed with this proposal.", J, id="decided-not-to"),
        pytest.param("The Department will take this recommendation forward.", A, id="take-forward"),
        pytest.param("The Secretary of State has written to all chief constables to remind them of their duties.", A,
                     id="has-written-to"),
        pytest.param("Further work is needed before we can commit to this.", D, id="before-we-can-commit"),
        pytest.param("Ofsted already inspects this area as part of its framework.", P, id="already-inspects"),
        # a professional body answers by issuing its own advice to its members
        pytest.param("We recommend that every emergency department keeps a copy of the specialist centre's "
                     "contact details.", A, id="body-issues-own-guidance"),
        # a status written on the label's own line
        pytest.param("Recommendation 2 - not accepted.", J, id="label-then-not-accepted"),
        pytest.param("Rec 3: Accepted.", A, id="rec-label-then-accepted"),
        pytest.param("Recommendation 4.2 – partially accepted", P, id="label-then-partially-accepted"),
        # a status with its progress on the same line
        pytest.param("Accepted – already implemented.", A, id="accepted-dash-implemented"),
        pytest.param("Agreed - in progress.", A, id="agreed-dash-in-progress"),
        pytest.param("Status: Accepted", A, id="status-label-accepted"),
        pytest.param("Government position: Not accepted", J, id="government-position-not-accepted"),
        pytest.param("SLCC position: Not accepted", J, id="acronym-position-not-accepted"),
        # a condition in the writer's own words is no case provided for: the refusal is theirs
        pytest.param("Where possible we will not introduce new charges, and fees stay as they are.", J,
                     id="where-possible-we-will-not"),
        pytest.param("Response: Agreed – action under way", A, id="agreed-action-under-way"),
        # a Word table's fields, a line each: the status stands alone, though no full stop ends it
        pytest.param("Response: Not agreed\nAction: Officers recognise the Panel's concern about the cost of "
                     "funerals. Officers will recommend that charges increase in line with policy.", J,
                     id="status-line-over-action-line"),
        pytest.param("Decision: Deferred", D, id="decision-deferred"),
        pytest.param("All staff will be trained by 31 July 2024.", A, id="will-be-trained"),
        pytest.param("Response: Partly agreed.", P, id="partly-agreed"),
        pytest.param("We have reviewed this carefully but do not consider an independent review necessary.", J,
                     id="reviewed-but-not-necessary"),
        pytest.param("We have reviewed this carefully but do not consider an independent review\nnecessary.", J,
                     id="not-necessary-wrapped-by-a-pdf"),
        pytest.param("This is a matter for the Integrated Care Board and the Trust is therefore not in a position "
                     "to take action.", J, id="not-in-a-position-to-act"),
        # Treasury Minutes: the government agrees or disagrees with the Committee's recommendation
        pytest.param("The government disagrees with the Committee's recommendation.", J, id="government-disagrees"),
        pytest.param("The recommendation is being taken forward by NHS England through its workforce plan.", A,
                     id="being-taken-forward"),
        pytest.param("We are considering this recommendation and will respond by the summer.", D,
                     id="are-considering"),
        pytest.param("The Board has commissioned a review of the rota, and will decide what changes to make once it "
                     "has the review's findings.", D, id="will-decide-once"),
        pytest.param("Whether it can be funded will be decided as part of the Council's budget for 2026/27.", D,
                     id="will-be-decided"),
        pytest.param("No changes to the on-call system will be made until the review has reported.", D,
                     id="no-changes-until"),
        pytest.param("We are reviewing whether the assessments can move onto the electronic record, and I will "
                     "write to you with its outcome.", D, id="reviewing-whether-and-will-write-with-outcome"),
        # an e-mail's contractions read as the words they stand for
        pytest.param("We have thought about this carefully but we don't believe an independent auditor is needed.",
                     J, id="dont-believe-needed"),
        pytest.param("We don’t intend to change the rota.", J, id="dont-intend-curly"),
        pytest.param("We won't be introducing a levy.", J, id="wont-be"),
        pytest.param("We’ll publish the figures every quarter from April.", A, id="well-publish"),
        pytest.param("We have therefore decided not to appoint an external auditor.", J,
                     id="have-therefore-decided-not-to"),
        pytest.param("I have decided against funding a separate advice line for student carers.", J,
                     id="have-decided-against"),
        # an alternative offered in place of what was asked
        pytest.param("HMRC will instead publish a service standard for compliance checks.", J, id="will-instead"),
        pytest.param("Instead, we will continue to support councils which choose to offer training.", J,
                     id="instead-we-will"),
        # what the writer did, in the past tense: a reply's account of the work done
        pytest.param("We removed every clamp-on rail from use in all five homes by 20 March.", A, id="we-removed"),
        pytest.param("Following the inquest we bought a carbon monoxide alarm for every boat on a residential "
                     "berth.", A, id="we-bought"),
        pytest.param("We now do a man overboard drill at the start of every trip.", A, id="now-does"),
        pytest.param("The business case goes to the Board in June, and a decision on whether, and when, the system "
                     "will be replaced will be taken then.", D, id="a-decision-on-whether"),
        pytest.param("We have fitted a recovery sling and a block on the gantry.", A, id="have-fitted"),
        pytest.param("The party briefing has been rewritten with the instructor.", A, id="has-been-rewritten"),
        pytest.param("The online form is now switched off whenever the practice is closed.", A,
                     id="is-now-switched-off"),
        # a refusal on cost, with the part that is done: the answer does part of what was asked
        pytest.param("We have bought four gas monitors for our lead operators. I looked into buying one for everyone "
                     "but it is not something the business can afford at the moment.", P, id="done-but-cannot-afford"),
        pytest.param("The board agreed to come back to the Code at its March meeting once that review is complete.", D,
                     id="come-back-to-it-once"),
        pytest.param("Decisions on funding beyond that date will be taken as part of the allocations following the "
                     "Spending Review.", D, id="decisions-on-will-be-taken"),
        pytest.param("We do not think that a six-month follow-up for every breach is a good use of limited staff time.",
                     J, id="not-a-good-use-of"),
        pytest.param("We no longer use the operator-sedationist model for intravenous sedation.", A, id="no-longer-use"),
        # passing the letter to the body whose matter it is, and no more: an acknowledgement
        pytest.param("I have shared the Committee's letter with the Minister for Children and Families so that she "
                     "is aware of what the Committee heard.", N, id="shared-the-letter-with"),
        pytest.param("We have forwarded your letter to the Department's energy policy team.", N,
                     id="forwarded-your-letter-to"),
        # "cannot accept" a transfer, a booking or liability is no refusal of the recommendation
        pytest.param("The checklist is in the portering request, so a porter cannot accept a transfer until the nurse "
                     "has completed it. We have rewritten the checklist.", A, id="cannot-accept-a-transfer"),
    ],
)
def test_classify_label(passage, expected, nlp, lex, settings):
    assert verdict(passage, nlp, lex, settings).label is expected


def test_no_cue_is_noted_with_low_confidence(nlp, lex, settings):
    bare = verdict("Thank you for raising this matter with the Department.", nlp, lex, settings)
    weak = verdict("We note the recommendation.", nlp, lex, settings)
    assert bare.label is N and bare.cues == ()
    assert bare.confidence < 0.5
    assert bare.confidence < weak.confidence


@pytest.mark.parametrize("line, label", [("4. Accepted.", "accepted"), ("3(b). Not accepted.", "rejected"),
                                         ("2. Noted", "noted"), ("2. Technical controls - Done.", "accepted"),
                                         ("3. Information asset registers – Partly agreed.", "partially_addressed"),
                                         ("5. Naming officers - Not accepted", "rejected"),
                                         ("2. Call-back option - Not accepted", "rejected"),
                                         ("4. Staff training (phase 2) - Agreed.", "accepted"),
                                         ("2.1   Accepted.", "accepted"), ("3.4 Not accepted.", "rejected"),
                                         ("Our response: Agreed", "accepted"),
                                         ("Our response: Not agreed", "rejected"),
                                         ("Cabinet response: Agreed", "accepted"),
                                         ("Council position: Agreed", "accepted"),
                                         ("Scottish Government response: Not accepted", "rejected")])
def test_a_status_line_under_its_paragraph_number_is_read(line, label, nlp, lex, settings):
    """A reply numbered as the letter's recommendations opens each paragraph "4. Accepted.", or
    with its topic first: "2. Technical controls - Done."; a paper numbering its own paragraphs
    opens one "2.1   Accepted."; a body's paper speaks of "Our response: Agreed", a council's
    cabinet of "Cabinet response: Agreed" (round 68: kept once no longer masked as a header). """
    v = verdict(line, nlp, lex, settings)
    assert v.label.value == label and any(c.startswith(f"{label}:label-") for c in v.cues)


def test_explicit_label_line_is_confident(nlp, lex, settings):
    v = verdict("Recommendation noted", nlp, lex, settings)
    assert v.confidence >= 0.95
    assert "noted:label-noted" in v.cues


def test_a_status_line_the_answer_contests_is_not_sure(nlp, lex, settings):
    """A status word is evidence, not the verdict: "Agreed." over an answer that only announces a
    pilot and a later decision does not earn the certainty that lets it overrule the model."""
    alone = verdict("Agreed.", nlp, lex, settings)
    contested = verdict("Agreed. We will run a pilot in two districts and decide whether to roll it out once it "
                        "has been evaluated.", nlp, lex, settings)
    assert alone.confidence >= 0.95
    assert contested.confidence < 0.8


def test_an_accepted_status_over_a_part_declined_is_not_sure(nlp, lex, settings):
    """"Accepted." over an answer that publishes one figure and then "will not therefore be
    including" the other is contested: the model weighs it, the status line does not decide it alone."""
    v = verdict("Accepted. We will publish the number of investigations open for more than two years. We have "
                "concluded that a summary could not be produced safely, and we will not therefore be including one.",
                nlp, lex, settings)
    assert any(c.startswith("rejected:") for c in v.cues)
    assert v.confidence < 0.8


def test_a_partial_status_is_not_contested_by_the_parts_it_describes(nlp, lex, settings):
    v = verdict("Partially accepted. We will introduce the new checks from April. We do not accept that a "
                "national register is needed.", nlp, lex, settings)
    assert v.label.value == "partially_addressed" and v.confidence >= 0.95


def test_clear_verdict_more_confident_than_mixed_one(nlp, lex, settings):
    clear = verdict("We cannot accept this recommendation.", nlp, lex, settings)
    mixed = verdict("We accept this recommendation. We will consider whether to go further once the pilot has "
                    "concluded.", nlp, lex, settings)
    assert clear.confidence > mixed.confidence


@pytest.mark.parametrize(
    ("passage", "cue"),
    [
        pytest.param("We cannot accept this recommendation.", "rejected:do-not-accept", id="do-not-accept"),
        pytest.param("We cannot accept this recommendation.", "rejected:not:accept-recommendation",
                     id="negated-accept-counts-for-rejected"),
        pytest.param("We have thought carefully about this, but we have not accepted it.", "rejected:do-not-accept",
                     id="have-not-accepted"),
        pytest.param("We have not adopted this recommendation.", "rejected:do-not-accept", id="have-not-adopted"),
        pytest.param("The Council has considered whether it should pay for the servicing. We have concluded that it "
                     "should not.", "rejected:decided-not-to", id="have-concluded-that-it-should-not"),
        pytest.param("It is right that we wait for the findings of the evaluation.", "deferred:wait-for-findings",
                     id="wait-for-findings"),
        pytest.param("The guidance already requires this.", "partially_addressed:guidance-covers",
                     id="guidance-clarifies"),
        pytest.param("Recommendation accepted", "accepted:label-accepted", id="label"),
        pytest.param("The Government supports the first part of this recommendation.", "partially_addressed:accept-parts",
                     id="supports-the-first-part"),
        pytest.param("The government does not\naccept this recommendation.", "rejected:do-not-accept",
                     id="phrase-broken-by-a-hard-wrap"),
        pytest.param("We will keep this matter under\nreview.", "deferred:will-consider", id="wrap-before-the-last-word"),
        pytest.param("The board will therefore consider the scope and timing of the review.", "deferred:will-consider",
                     id="will-therefore-consider"),
        pytest.param("We will agree the plan once the second release is in place.", "deferred:once-done",
                     id="once-done"),
        pytest.param("We have shared the review with Defra.", "noted:passed-on", id="shared-the-review"),
        pytest.param("We will write to the Committee when the specification has been agreed.", "deferred:once-done",
                     id="when-it-has-been-agreed"),
        pytest.param("Decisions on the performance measures the next contract will contain, and on whether those "
                     "measures should be linked to financial penalties, will be taken as part of that process.",
                     "deferred:decide-later", id="decisions-on-a-long-subject-will-be-taken"),
        pytest.param("The Trust cannot at present say whether the post will be funded.", "deferred:decide-later",
                     id="cannot-at-present-say-whether"),
        pytest.param("Until a decision is made, the line continues to be answered on the ward.",
                     "deferred:decide-later", id="until-a-decision-is-made"),
        pytest.param("I am not able to commit to three-year funding until the budget is agreed.",
                     "deferred:decide-later", id="not-able-to-commit-until"),
        pytest.param("I am not able to say before then whether additional emergency areas will be built.",
                     "deferred:decide-later", id="not-able-to-say-before-then-whether"),
        pytest.param("Until the Board has made its decision I am not in a position to say which option will be funded.",
                     "deferred:decide-later", id="until-the-board-has-made-its-decision"),
        pytest.param("I am not able to anticipate Cabinet's decision, and the contract will be agreed once it has been made.",
                     "deferred:decide-later", id="not-able-to-anticipate-the-decision"),
        pytest.param("We will consider whether to adopt a formula, and we will not reach a view on the method before "
                     "then.", "deferred:decide-later", id="will-not-reach-a-view-before-then"),
        pytest.param("We will consider whether to adopt a published formula once we have its findings.",
                     "deferred:wait-for-findings", id="once-we-have-its-findings"),
        pytest.param("We believe it would be better to make the present arrangements work faster.",
                     "rejected:not-the-best-approach", id="it-would-be-better-to"),
        pytest.param("I will write to you again once the Board has made its decision.", "deferred:decide-later",
                     id="write-again-once-the-board-has-made-its-decision"),
        pytest.param("Until the upgrade is in place, results will continue to be reviewed through the inbox.",
                     "deferred:once-done", id="until-the-upgrade-is-in-place"),
        pytest.param("The Board has therefore decided to keep overdue charges for adult borrowers.",
                     "rejected:decided-not-to", id="decided-to-keep-what-it-was-asked-to-change"),
        pytest.param("I'll let you know what is decided after the May board.", "deferred:decide-later",
                     id="let-you-know-what-is-decided"),
        pytest.param("Lab staffing for next year will be set in the light of that review.", "deferred:decide-later",
                     id="will-be-set-in-the-light-of-the-review"),
        # a practice's partners, not "we": the acknowledgement is theirs all the same
        pytest.param("The partners discussed the report at the practice meeting on 21 April and have noted your "
                     "comments concerning the recording of medicines.", "noted:acknowledge-only",
                     id="have-noted-your-comments-concerning"),
        pytest.param("This recommendation has been passed to the Clinical Director for her information.",
                     "noted:for-information", id="passed-to-for-her-information"),
        pytest.param("We will therefore not be publishing a separate monthly list.", "rejected:will-not-be-doing",
                     id="will-therefore-not-be-publishing"),
        # a holding reply: the answer itself is still to come
        pytest.param("She will therefore write to the Chair with a full response by 17 July 2026, rather than by "
                     "5 June as the Committee asked.", "deferred:full-reply-to-come", id="will-write-with-a-full-response"),
        pytest.param("The Minister wants to consider them with colleagues before giving the Committee a considered "
                     "answer.", "deferred:full-reply-to-come", id="wants-to-consider-them-before"),
        pytest.param("I will write to you again with a full response within four weeks.", "deferred:full-reply-to-come",
                     id="write-to-you-again-within"),
        pytest.param("The Cabinet Member wishes to consider your recommendations carefully, with the findings of the "
                     "Council's own review, before the Council replies.", "deferred:full-reply-to-come",
                     id="wishes-to-consider-your-recommendations-before"),
    ],
)
def test_cues_list_what_fired(passage, cue, nlp, lex, settings):
    assert cue in verdict(passage, nlp, lex, settings).cues


@pytest.mark.parametrize("passage", [
    "The budget for 2026-27 has not yet been set. I am not able to commit to three-year funding until it has.",
    "We cannot confirm whether the extra posts will be funded until Cabinet has considered the report.",
    "We cannot commit to three-year funding until the budget is agreed.",
])
def test_not_committing_until_a_decision_is_made_defers(passage, nlp, lex, settings):
    """"I am not able to commit to ... until" the budget is set puts the decision off: it waits for
    the budget, as "will decide once" does; it is not a part done and a part declined."""
    assert verdict(passage, nlp, lex, settings).label.value == "deferred"


@pytest.mark.parametrize("passage", [
    "Regulation 3(2) provides that a claimant who is unable to accept the commitment online may accept it by "
    "telephone.",
    "Customers who do not accept the new terms may close their accounts without charge.",
    "Patients who cannot agree a date are offered one by telephone.",
    "If the householder will not agree to the supply being switched off, the job is not started and is referred "
    "back to the office.",
    "Where a patient does not agree to a home visit, the nurse telephones them the same day.",
    "If the landlord does not accept the proposals, the tenant is referred to the housing team.",
    "2.4 If the householder will not agree, the job is not started.",
])
def test_someone_else_who_does_not_accept_is_no_refusal(passage, nlp, lex, settings):
    """"a claimant who is unable to accept the commitment online" tells of the people a rule is for,
    and "If the householder will not agree ..., the job is not started" of a case the rule provides
    for: the reply declines nothing."""
    assert not any(c.startswith("rejected:") for c in verdict(passage, nlp, lex, settings).cues)


@pytest.mark.parametrize("passage", [
    "We will consider this recommendation as part of that review. We do not intend to change the expenditure "
    "figures used for the scheme before the review has reported.",
    "We are not able to commit to a date for these features until the business case has been approved, and we "
    "will publish a timetable once a decision has been made.",
])
def test_a_refusal_until_a_review_reports_waits(passage, nlp, lex, settings):
    """"We do not intend to change the figures before the review has reported" refuses nothing for
    good: it waits for the review, as "we will consider it as part of that review" says."""
    v = verdict(passage, nlp, lex, settings)
    assert v.label is D
    assert not any(c.startswith("rejected:") for c in v.cues)


@pytest.mark.parametrize("passage, label", [
    ("Pending the review, we have introduced interim checks and training has been completed.", A),
    ("The Board decided not to proceed with the scheme once the pilot's findings were known.", J),
])
def test_a_wait_named_in_passing_leaves_the_answer_as_it_is(passage, label, nlp, lex, settings):
    """"Pending the review, we have introduced interim checks" has done something meanwhile, and "decided
    not to proceed once the pilot's findings were known" refused after the wait: neither waits."""
    assert verdict(passage, nlp, lex, settings).label is label


@pytest.mark.parametrize("passage", [
    "Drivers cannot accept trips until they have completed it.",
    "The unit does not accept new admissions after 10pm.",
    "Our drivers cannot accept fares from passengers who have not booked through the app.",
])
def test_accepting_work_or_custom_is_no_refusal(passage, nlp, lex, settings):
    """"Drivers cannot accept trips until they have completed it" tells how a service runs: "accept"
    takes a trip, an admission or a fare, not the recommendation, and declines nothing."""
    assert not any(c.startswith("rejected:") for c in verdict(passage, nlp, lex, settings).cues)


def test_sharing_a_report_with_another_body_passes_it_on(nlp, lex, settings):
    """"We have shared the review with colleagues in the Scottish Government" hands the
    recommendation to another body; it does nothing the recommendation asks. Sharing it with
    our own colleagues (below) is still acting on it."""
    v = verdict("We have shared the review with colleagues in the Scottish Government's Justice directorate.",
                nlp, lex, settings)
    assert "noted:passed-on" in v.cues and "accepted:has-done" not in v.cues
    for own in ("We have shared the review with colleagues on every ward.",
                "We have shared your report with colleagues across the Trust.",
                "We have shared your report with colleagues in the emergency department."):
        assert "noted:passed-on" not in verdict(own, nlp, lex, settings).cues, own


@pytest.mark.parametrize("passage", [
    "Officials have made RQIA aware of the Committee's recommendation.",
    "I have drawn this part of your report to the attention of the national clinical director.",
    "The Department has drawn the Committee's recommendation to the attention of the Minister of Education.",
    "I have asked officials to share the Committee's recommendation with the Local Government Association.",
    "We have made the Health and Safety Executive aware of your concerns.",
    "My officials have provided the Judicial Institute with a copy of the Committee's letter.",
    "The Chair of the Audit and Risk Committee has been made aware of the Commissioner's recommendation.",
])
def test_bringing_a_report_to_another_body_s_attention_passes_it_on(passage, nlp, lex, settings):
    """"Officials have made RQIA aware of the Committee's recommendation" and "drawn your report
    to the attention of" hand it to another body as sharing it does: nothing the recommendation
    asks is done (before, "have made" read as has-done)."""
    v = verdict(passage, nlp, lex, settings)
    assert "noted:passed-on" in v.cues and "accepted:has-done" not in v.cues


@pytest.mark.parametrize("passage", [
    "We have drawn the findings to the attention of all staff.",
    "We have made staff aware of the concerns raised at the inquest.",
    "The Government will make the public aware of these risks.",
    "All staff have been made aware of the concerns raised in your report.",
    "We have made GPs and Practice Nurses aware of the findings of your report.",
    "The Medical Director has made Ward Managers aware of the concerns raised in your report.",
    "I have drawn your report to the attention of the Trust Board.",
    "I have drawn your report to the attention of every ward manager.",
    "I have drawn your report to the attention of the Executive Team.",
    "We have provided the Board with a copy of your report.",
    "Staff have been made aware of the concerns raised in your report.",
    "Our clinical teams have been made aware of the findings of your report.",
    "We have shared your report with the commissioners, who have confirmed that both matters will be considered.",
])
def test_bringing_a_report_to_one_s_own_staff_s_attention_passes_nothing_on(passage, nlp, lex, settings):
    """Telling one's own staff, managers, board or GPs, or the public, acts on the recommendation."""
    assert "noted:passed-on" not in verdict(passage, nlp, lex, settings).cues


UPDATE_PROMISED = ("I will write to the Committee again by the end of March 2027 with a further update on each of "
                   "the recommendations.")


@pytest.mark.parametrize(("rec_text", "fires"), [
    ("The Ministry should provide the Committee with a further update on each of these recommendations.", True),
    ("The Welsh Government should report back to this Committee within 12 months on progress.", True),
    ("The Department should send the Committee a written update every six months.", True),
    ("The Welsh Government should provide an annual update on its progress in implementing them.", True),
    # a council, a board, an ombudsman asks for it as a committee does
    ("The Department reports to the Council within twelve months on the progress made against each of these "
     "recommendations.", True),
    ("The Trust should report to the Board in six months on the progress it has made.", True),
    # asked for something else, the promise of news is no more than that
    ("The Ministry should publish completion rates for unpaid work each quarter.", False),
    ("The Department should publish an update to the 2019 statutory guidance.", False),
    ("NHS England should carry out a regular update of the risk register.", False),
    (None, False),
])
def test_a_promised_update_does_what_a_recommendation_asking_for_one_asks(rec_text, fires, nlp, lex, settings):
    """"I will write to the Committee again ... with a further update" answers "provide the
    Committee with a further update" by doing it (before, "further update" read as news to come:
    deferred); to any other recommendation it only promises news."""
    cues = verdict(UPDATE_PROMISED, nlp, lex, settings, rec_text).cues
    assert ("accepted:promised-update" in cues) is fires
    assert ("deferred:in-due-course" in cues) is not fires


@pytest.mark.parametrize("rec_text", [
    "HMRC reports to me on progress within six months.",
    "The company should send us a report by 30 November 2025 on its progress with each of these actions.",
])
def test_a_promised_update_to_the_writer_who_asked_for_one_does_it(rec_text, nlp, lex, settings):
    """An ombudsman or regulator asks "reports to me on progress"; the reply promises "I will write to
    you with a progress report by 31 July 2026": the update asked for, to whoever asked for it."""
    cues = verdict("I will write to you with a progress report by 31 July 2026.", nlp, lex, settings, rec_text).cues
    assert "accepted:promised-update" in cues
    assert "accepted:promised-update" not in verdict(
        "I will write to you with a progress report by 31 July 2026.", nlp, lex, settings,
        "HMRC should pay held repayments within 30 days.").cues


REVIEW_BEGUN = "In June 2032 I asked Sport Wales to carry out a review of the Free Swimming Initiative."


@pytest.mark.parametrize(("rec_text", "fires"), [
    ("The Welsh Government should review the Free Swimming Initiative within a year.", True),
    ("The Scottish Government should commission an independent evaluation of the scheme.", True),
    # a review and then action: starting the review does only the first part
    ("COPFS should review the staffing of the team and take action to reduce the backlog.", False),
    ("The Welsh Government should fund free swimming for every child.", False),
])
def test_starting_a_review_does_what_a_recommendation_asking_for_one_asks(rec_text, fires, nlp, lex, settings):
    """"I asked Sport Wales to carry out a review" does what "should review the Free Swimming
    Initiative" asks; to a recommendation that asks for something else, or for a review and then
    action, a review is still only the first step (or a wait)."""
    assert ("accepted:asked-review-begun" in verdict(REVIEW_BEGUN, nlp, lex, settings, rec_text).cues) is fires


def test_refusing_an_update_asked_for_is_no_promise(nlp, lex, settings):
    cues = verdict("We will not provide the Committee with a separate progress report.", nlp, lex, settings,
                   "The Department should provide the Committee with a progress report every six months.").cues
    assert "accepted:promised-update" not in cues and "rejected:not:promised-update" in cues


@pytest.mark.parametrize(("passage", "cue"), [
    ("We do not think the current funding model is sustainable in the long term.", "rejected:"),
    ("We agree with the Committee, and we think it would be better to start this work now.", "rejected:"),
    ("We will not now be waiting for the national guidance; the new policy was issued in May.", "rejected:"),
    ("This recommendation has not been rejected.", "rejected:reject"),
    ("Patients who have declined a follow-up are now telephoned.", "rejected:reject"),
    ("Patients who declined a follow-up appointment are now telephoned.", "rejected:reject"),
    ("The agreement provides that a patient who meets the criteria cannot be declined.", "rejected:reject"),
])
def test_agreement_worded_like_a_refusal_declines_nothing(passage, cue, nlp, lex, settings):
    """Saying the present position cannot last, preferring to start now, no longer waiting, or that
    a recommendation has not been rejected agree with it; what patients declined is theirs, and
    "a patient who meets the criteria cannot be declined" what an agreement forbids."""
    assert not any(c.startswith(cue) for c in verdict(passage, nlp, lex, settings).cues)


@pytest.mark.parametrize("passage", [
    "I will write to you again once the Board has made its decision.",
    "Until the upgrade is in place, results will continue to be reviewed through the departmental inbox.",
])
def test_what_waits_on_a_decision_or_an_upgrade_is_not_done(passage, nlp, lex, settings):
    """"once the Board has made its decision" and "Until the upgrade is in place" speak of what
    has not happened yet: neither is something done."""
    v = verdict(passage, nlp, lex, settings)
    assert not any(c in v.cues for c in ("accepted:has-done", "accepted:in-place-now"))
    assert v.label.value == "deferred"


def test_until_in_what_happened_defers_nothing(nlp, lex, settings):
    """"We cannot confirm how many patients waited until the next morning" tells what happened: no
    decision waits on anything."""
    assert not any(c.endswith(":decide-later") for c in verdict(
        "We cannot confirm how many patients waited until the next morning to be seen.", nlp, lex, settings).cues)


@pytest.mark.parametrize("passage", [
    "Ketone meters have been issued to all rapid response vehicles. We are not able to equip every ambulance.",
    "We will refund every customer charged the fee since January. We have not yet been able to trace the rest.",
    "The new notices were introduced in May. We have not yet produced easy-read versions.",
    "Hours will be extended from April, but I cannot commit to a maximum wait in every area.",
    "Every child placed far away is now visited monthly. We have not extended the standard to foster placements.",
    "Homes at level 4 are now referred to the fire service. We haven't extended referrals to levels 1 to 3.",
    "All nine inspectors attended the workshop. It has not been possible to release the sergeants for it.",
    "The new form went live in April. We have not been able to persuade the hospital to send summaries earlier.",
])
def test_a_part_left_undone_is_read(passage, nlp, lex, settings):
    """Doing one part while saying another is not done, or cannot be promised, is how a partial
    answer is most often written; the lexicon must see the second half, not only the first."""
    v = verdict(passage, nlp, lex, settings)
    assert "partially_addressed:part-not-done" in v.cues
    assert not (v.label is A and v.confidence >= 0.8)


@pytest.mark.parametrize("passage", [
    "The Trust is unable to accept recommendation 8.25.",
    "Mr Hope was unable to use his phone while on leave.",
    "The complaint has not been extended in any way.",
    "We have not been able to accept this recommendation.",
    "Mr Hope's family have not been able to obtain his medical records.",
    "Any call where the caller has not been able to check for a rash must be passed to a clinician.",
])
def test_declining_or_a_narrative_is_not_a_part_left_undone(passage, nlp, lex, settings):
    """(nor is a condition a rule sets: "where the caller has not been able to check ...")"""
    assert "partially_addressed:part-not-done" not in verdict(passage, nlp, lex, settings).cues


def test_an_action_plan_s_list_of_statuses_is_not_a_status(nlp, lex, settings):
    """An action plan's form prints "Agreed / Partly agreed / Not agreed" over every answer; only
    the status chosen under it speaks for the answer."""
    form = "Agreed / Partly agreed / Not agreed\n\nAgreed\n\nA new strategy was launched on 1 August 2025."
    v = verdict(form, nlp, lex, settings)
    assert v.label is A and not any(c.startswith("partially_addressed") for c in v.cues)
    partly = form.replace("\n\nAgreed\n\n", "\n\nPartly agreed\n\n")
    assert "partially_addressed:label-partial" in verdict(partly, nlp, lex, settings).cues


def test_negated_accept_is_not_an_accept_cue(nlp, lex, settings):
    v = verdict("The Government does not accept this recommendation.", nlp, lex, settings)
    assert "accepted:explicit-accept" not in v.cues


@pytest.mark.parametrize("passage", [
    "The government agrees with the Inquiry that clear communication with the public is important.",
    "The government agrees with the importance of considering children's rights in policy making.",
    "We agree with the committee that the register should be easy to use.",
])
def test_agreeing_with_a_goal_is_not_accepting_the_recommendation(passage, nlp, lex, settings):
    """Papers open most answers by agreeing that the goal matters, then say what they will (or
    will not) do: the agreement alone is no acceptance of the recommendation."""
    assert not any(c.startswith("accepted:") for c in verdict(passage, nlp, lex, settings).cues)


@pytest.mark.parametrize("passage", [
    "The government agrees with this recommendation.",
    "We agree and will publish the register in June.",
    "The Department accepts the recommendation in full.",
])
def test_agreeing_with_the_recommendation_is_accepting_it(passage, nlp, lex, settings):
    assert verdict(passage, nlp, lex, settings).label is A


# ---- evidence: offsets of the sentence with the deciding cue

@pytest.mark.parametrize(
    ("passage", "evidence"),
    [
        pytest.param("Thank you for raising this important issue with the Department. We have considered it "
                     "carefully with officials. The Government does not accept this recommendation.",
                     "The Government does not accept this recommendation.", id="last-sentence"),
        pytest.param("We accept this recommendation.\n\nIn the longer term we will consider whether further "
                     "changes are needed.", "We accept this recommendation.", id="first-paragraph"),
        pytest.param("Recommendation accepted\n\nWe will consider whether to go further in due course.",
                     "Recommendation accepted", id="label-line-alone"),
        pytest.param("Thank you for your letter. I was pleased to meet your officials.",
                     "Thank you for your letter.", id="no-cue-first-sentence"),
    ],
)
def test_evidence_points_at_deciding_sentence(passage, evidence, nlp, lex, settings):
    text = "Dear Minister,\n\n" + passage + "\n"  # offsets are into the whole text, not the passage
    start = text.index(passage)
    sentences = analyse(nlp, text, [(start, start + len(passage))], settings).sentences
    v = classify(text, [(start, start + len(passage))], sentences, lex)
    assert v.evidence is not None
    assert text[v.evidence[0]:v.evidence[1]] == evidence


def test_sentence_echoing_recommendation_is_evidence(nlp, lex, settings):
    passage = ("We will consider whether to change the inspection framework. "
               "We will consider publishing restraint data every quarter.")
    without = verdict(passage, nlp, lex, settings)
    with_rec = verdict(passage, nlp, lex, settings,
                       rec_text="The Ministry of Justice should publish restraint data every quarter")
    assert passage[without.evidence[0]:without.evidence[1]].startswith("We will consider whether")
    assert passage[with_rec.evidence[0]:with_rec.evidence[1]] == (
        "We will consider publishing restraint data every quarter.")


# ---- passages and stances on a letter + reply

LETTER_AND_REPLY = """\
4 March 2022

Rt Hon Sir John Hale MP
Secretary of State for Justice
Ministry of Justice
102 Petty France
London
SW1H 9AJ

Dear Secretary of State,

**Safe and Heard: Children in the Youth Custody Estate**

On 1 March I published the report '[Safe and Heard: Children in the Youth Custody Estate](#)'. The report made nine recommendations, three of which relate to your department:

**2. Every child should be seen by a nurse within two hours of arrival.**

**5. The Ministry of Justice should publish restraint data every quarter.**

**9. Independent advocates should be available in every establishment.**

I look forward to your response.

Yours sincerely,

Dame Helen Ward DBE
Children's Commissioner for England

Dame Helen Ward DBE
Children's Commissioner for England
Sanctuary Buildings
20 Great Smith Street
London
SW1P 3BT

28 March 2022

Dear Dame Helen,

Thank you for your letter of 4 March about your report. I am responding as the Minister responsible for youth justice.

Recommendation 2 on health assessments

We accept this recommendation. Health assessments already take place on arrival in most establishments.

We will publish revised guidance for healthcare staff by September.

Recommendation 5 on restraint data

The Government does not accept this recommendation. Restraint data is already published every year and more frequent publication would not be reliable.

Yours sincerely,

Edward Argar MP
"""


@pytest.fixture(scope="module")
def pair(lex, rec_rules, nlp, settings):
    text = LETTER_AND_REPLY
    letter, reply = segment(text, lex)
    lrefs = R.find_refs(text, letter, rec_rules)
    rrefs = R.find_refs(text, reply, rec_rules)
    sentences = analyse(nlp, text, [(0, len(text))], settings).sentences
    return text, letter, reply, lrefs, rrefs, sentences


def joined(text, spans):
    return " ".join(text[a:b] for a, b in spans)


def test_heading_passages_run_to_next_heading(pair, lex):
    """The answer under a heading runs to the next heading; the heading itself is no answer."""
    text, _, reply, _, rrefs, sentences = pair
    found = passages(text, reply, rrefs, sentences, lex)
    assert set(found) == {"2", "5"}
    s2, s5 = joined(text, found["2"]), joined(text, found["5"])
    assert s2.startswith("We accept this recommendation.")
    assert "We will publish revised guidance for healthcare staff by September." in s2
    assert "Recommendation 2" not in s2 and "Recommendation 5" not in s2
    assert s5.startswith("The Government does not accept this recommendation.")
    assert s5.rstrip().endswith("would not be reliable.")
    assert "Yours sincerely" not in s5


def test_stances_end_to_end(pair, lex):
    text, _, reply, lrefs, rrefs, sentences = pair
    raised = [(r.label, r.number) for r in lrefs]
    ids = {lab: f"rec-{lab}" for lab in ("2", "5", "9")}
    out = stances(text, reply, "L2", "L1", rrefs, raised, ids, sentences, lex, {r.label: r.text for r in lrefs})
    by_num = {s.recommendation_number: s for s in out}
    assert [s.recommendation_number for s in out] == [2, 5, 9]
    assert by_num[2].stance is A
    assert by_num[2].evidence == "We accept this recommendation."
    assert by_num[5].stance is J
    assert by_num[5].evidence == "The Government does not accept this recommendation."
    for s in (by_num[2], by_num[5]):
        assert text[s.evidence_char_start:s.evidence_char_end] == s.evidence
        assert s.cues
    assert all(s.letter_id == "L2" and s.responds_to == "L1" for s in out)
    assert by_num[5].recommendation_id == "rec-5"


def test_recommendation_raised_but_not_answered_is_not_addressed(pair, lex):
    text, _, reply, lrefs, rrefs, sentences = pair
    raised = [(r.label, r.number) for r in lrefs]
    ids = {lab: f"rec-{lab}" for lab in ("2", "5", "9")}
    (nine,) = [s for s in stances(text, reply, "L2", "L1", rrefs, raised, ids, sentences, lex)
               if s.recommendation_number == 9]
    assert nine.stance is StanceLabel.not_addressed
    assert nine.evidence is None and nine.evidence_char_start is None and nine.cues == []


def test_reply_naming_nothing_is_read_as_a_whole_less_confidently(pair, lex):
    """With no numbered answer to go by, each recommendation takes the stance of the
    reply as a whole, and says so, with less confidence than an answer found by number."""
    text, _, reply, lrefs, rrefs, sentences = pair
    raised = [(r.label, r.number) for r in lrefs]
    ids = {lab: f"rec-{lab}" for lab in ("2", "5", "9")}
    whole = stances(text, reply, "L2", "L1", [], raised, ids, sentences, lex)
    by_number = {s.recommendation_number: s for s in stances(text, reply, "L2", "L1", rrefs, raised, ids, sentences, lex)}
    assert all("how:whole" in s.cues for s in whole)
    assert all(s.confidence < by_number[2].confidence for s in whole)


def test_reply_taking_no_position_addresses_nothing(lex, nlp, settings):
    text = ("Dear Ms Roe,\n\nThank you for your letter of 12 March. I would be happy to meet you with "
            "colleagues from the council at your convenience.\n\nYours sincerely,\n\nSam Poe\n")
    (reply,) = segment(text, lex)
    sentences = analyse(nlp, text, [(0, len(text))], settings).sentences
    got = stances(text, reply, "L2", "L1", [], [("1", 1), ("2", 2)], {"1": "r1", "2": "r2"}, sentences, lex)
    assert [s.stance for s in got] == [StanceLabel.not_addressed] * 2


def test_a_recommendation_a_subject_reply_never_singles_out_is_not_read_off_the_others(lex, nlp, settings):
    """A reply that takes the recommendations in turn by subject and skips one has not answered it:
    the sentences that answer the others say nothing of it."""
    text = ("Dear Denise,\n\nThank you for your letter of 26 November and for the Committee's report.\n\n"
            "Cabinet did not agree to stop using enforcement agents for households that receive council tax "
            "support. An automatic exclusion would be unfair to other residents.\n\n"
            "I am pleased to accept the recommendation on an annual collection report. The first report will be "
            "published on the Council's website in June 2026.\n\nYours sincerely,\n\nPriya Manderson\n")
    (reply,) = segment(text, lex)
    sentences = analyse(nlp, text, [(0, len(text))], settings).sentences
    texts = {"1": "Stop using enforcement agents for households that receive council tax support",
             "2": "Publish an annual collection report on the Council's website",
             "3": "Report back to the scrutiny committee on progress in twelve months"}
    got = {s.label: s.stance for s in stances(text, reply, "L2", "L1", [], [("1", 1), ("2", 2), ("3", 3)],
                                               {k: f"r{k}" for k in texts}, sentences, lex, texts)}
    assert got == {"1": StanceLabel.rejected, "2": StanceLabel.accepted, "3": StanceLabel.not_addressed}


INLINE_REPLY = """\
Dear Ms Okoro,

Thank you for your letter of 2 May about the findings of your inspection.

On recommendation 3, we accept that the current arrangements for out-of-hours referrals need to improve and we will publish new guidance in the autumn.

On recommendation 4, the Department does not accept that a new statutory duty is needed because the existing framework already places clear duties on local authorities and their

partners to co-operate.

I am grateful for your continued work in this area and my officials would be happy to meet yours.

Yours sincerely,

Claire Dunn
"""


def inline_passages(text, lex, rec_rules, nlp, settings):
    (seg,) = segment(text, lex)
    refs = R.find_refs(text, seg, rec_rules)
    sentences = analyse(nlp, text, [(0, len(text))], settings).sentences
    return {k: [joined(text, v)] for k, v in passages(text, seg, refs, sentences, lex).items()}


def test_inline_answer_runs_to_next_anchor(lex, rec_rules, nlp, settings):
    found = inline_passages(INLINE_REPLY, lex, rec_rules, nlp, settings)
    (p3,) = found["3"]
    assert p3.startswith("On recommendation 3,") and p3.rstrip().endswith("in the autumn.")
    assert "recommendation 4" not in p3


def test_last_inline_answer_keeps_its_paragraph_and_page_break_continuation(lex, rec_rules, nlp, settings):
    found = inline_passages(INLINE_REPLY, lex, rec_rules, nlp, settings)
    (p4,) = found["4"]
    assert p4.startswith("On recommendation 4,")
    assert p4.rstrip().endswith("partners to co-operate.")
    assert "I am grateful" not in p4


def test_last_inline_answer_ending_a_sentence_keeps_only_its_paragraph(lex, rec_rules, nlp, settings):
    text = INLINE_REPLY.replace("local authorities and their\n\npartners to co-operate.",
                                "local authorities and their partners.")
    (p4,) = inline_passages(text, lex, rec_rules, nlp, settings)["4"]
    assert p4 == ("On recommendation 4, the Department does not accept that a new statutory duty is needed because "
                  "the existing framework already places clear duties on local authorities and their partners.")


def test_page_break_with_footnotes_continues_past_footnotes(lex, rec_rules, nlp, settings):
    """The pipeline masks the rule and footnote lines first (pipeline.layout), so the
    answer runs on across them to its real continuation."""
    from pipeline.layout import mask_noise

    text = mask_noise(INLINE_REPLY.replace(
        "their\n\npartners to co-operate.",
        "their\n\n---\n\n<sup>1</sup> Working Together to Safeguard Children (2018).\n\npartners to co-operate.",
    ))
    (p4,) = inline_passages(text, lex, rec_rules, nlp, settings)["4"]
    assert p4.rstrip().endswith("partners to co-operate.")
    assert "Working Together" not in p4


def test_mid_paragraph_mention_gets_its_sentence(lex, rec_rules, nlp, settings):
    text = ("Dear Ms Okoro,\n\nThank you for your letter of 2 May. Officials in the Department have worked closely "
            "with local partners over the past year. We have no plans to change the framework set out in "
            "recommendation 5 of the earlier review. We remain grateful for your work.\n\nYours sincerely,\n\n"
            "Claire Dunn\n")
    (p5,) = inline_passages(text, lex, rec_rules, nlp, settings)["5"]
    assert p5 == ("We have no plans to change the framework set out in recommendation 5 of the earlier review.")


TOPIC_LETTER = """12 March 2024

Dear Chief Executive,

The report made two recommendations:

1. The Council should inspect every report of damp and mould within ten working days.
2. The Council should publish its damp and mould policy online.

Yours sincerely,

Jane Roe
Ombudsman

Jane Roe
Ombudsman

Dear Ms Roe,

Thank you for your letter of 12 March.

Every report of damp and mould is now inspected within ten working days, and we have implemented this in full.

Your report also makes recommendations to other landlords, and I understand they will write to you separately.

Yours sincerely,

Sam Poe
Chief Executive
"""


TOPIC_TEXTS = {"1": "The Council should inspect every report of damp and mould within ten working days",
               "2": "The Council should publish its damp and mould policy online"}


def topic_stances(text, nlp, lex, settings, model=None):
    """The reply's stances on TOPIC_TEXTS, by recommendation number, as the stance stage gives them."""
    reply = segment(text, lex)[1]
    refs = R.find_refs(text, reply, R.load_rules(settings.models_dir))
    sentences = analyse(nlp, text, [(reply.body_start, reply.body_end)], settings).sentences
    got = stances(text, reply, "L2", "L1", refs, [("1", 1), ("2", 2)], {"1": "r1", "2": "r2"},
                  sentences, lex, TOPIC_TEXTS, model=model)
    return {s.recommendation_number: s for s in got}


def test_a_recommendation_answered_by_subject_not_number(nlp, lex, settings):
    assert [s.kind.value for s in segment(TOPIC_LETTER, lex)] == ["letter", "reply"]
    by = topic_stances(TOPIC_LETTER, nlp, lex, settings)
    assert by[1].stance is StanceLabel.accepted and "how:topic" in by[1].cues
    assert by[2].stance is StanceLabel.not_addressed  # the closing remark about other recommendations is no answer


PAPER_AFTER_COVERING_LETTER = """#  Government response to the Environment Committee's report on flood resilience

Published 9 September 2024

##  Contents

  1. Letter from Dana Whitlock MP to the Chair of the Environment Committee
  2. Recommendation 1
  3. Recommendation 2

## Letter from Dana Whitlock MP to the Chair of the Environment Committee

Dear Chair,

Thank you for the committee's report on flood resilience, published on 2 May 2024. This page sets out the government's response to each of its recommendations.

I thank the committee for its work and look forward to continuing to work with you.

Yours sincerely
Dana Whitlock MP

* * *

This response confines itself to the recommendations directed at government.

## Recommendation 1

The department should publish a register of flood defences each year.

The register is published at [the flood defence register](https://www.example.gov.uk/flood-defences/register.html) and has been updated every year since 2021, in line with paragraph 4.12 of the strategy.

## Recommendation 2

Insurers should be required to offer cover to every home.

The government does not accept this recommendation. Flood Re already makes cover available to most homes at risk.
"""


def test_paper_after_covering_letter_keeps_whole_evidence_sentences(tmp_path, settings, nlp):
    """A response paper goes on after its covering letter's sign-off: its answers are read in
    whole sentences, so a web address or a paragraph number ("4.12") does not cut the
    evidence an analyst reads in two."""
    from pipeline.run import run_corpus

    (tmp_path / "response.txt").write_text(PAPER_AFTER_COVERING_LETTER, encoding="utf-8")
    result = run_corpus(tmp_path, settings, nlp)
    got = {s["label"]: s for s in result.tables["stances"].to_pylist()}
    assert got["1"]["evidence"].startswith("The register is published at [the flood defence register](https://www.")
    assert got["1"]["evidence"].endswith("in line with paragraph 4.12 of the strategy.")
    assert got["2"]["stance"] == "rejected"


def test_a_cue_hides_the_cues_it_overrides_where_they_overlap(tmp_path, lex):
    """A cue that reads the words better ("for local authorities to consider") hides the weaker
    reading of the same words ("to consider"), in that sentence only."""
    from pipeline.lexicon import _load_cues
    from pipeline.stages.stance import sentence_cues

    cues = tmp_path / "cues.jsonl"
    cues.write_text(
        '{"label": "deferred", "name": "to-consider", "pattern": "\\\\bto consider\\\\b"}\n'
        '{"label": "rejected", "name": "for-others", "pattern": "\\\\bfor [a-z ]+ to consider\\\\b", '
        '"overrides": ["to-consider"]}\n', encoding="utf-8")
    lex2 = lex.__class__(**{**lex.__dict__, "stance_cues": _load_cues(cues)})
    names = lambda s: [c.name for c, _ in sentence_cues(s, lex2)]
    assert names("It is for local authorities to consider the code.") == ["for-others"]
    assert names("We will take time to consider the code; it is for councils to set it.") == ["to-consider"]


DEFERS_TO_PROVIDERS = TOPIC_LETTER.replace(
    "Every report of damp and mould is now inspected within ten working days, and we have implemented this in full.",
    "Every report of damp and mould is inspected and discussed with the regional housing team each month. I note "
    "that your report has also been sent to the housing association, who are the appropriate organisation to "
    "respond to the concerns raised. We have asked to be sighted on their response and will review this once "
    "received.")


def test_a_reply_that_leaves_the_answer_to_others_says_so_for_every_concern(nlp, lex, settings):
    """A national body's reply that answers a concern by subject, then says the provider is the
    right one to respond and that it will review the provider's response, says so of that
    concern too, not only of those it never names."""
    from pipeline.learn.stance_model import StanceModel

    by = topic_stances(DEFERS_TO_PROVIDERS, nlp, lex, settings, model=StanceModel.load(settings.models_dir))
    assert "how:topic" in by[1].cues
    assert "deferred:awaits-others-response" in by[1].cues  # the reply-wide sentence is read with the answer
    assert by[1].stance is not StanceLabel.accepted


def test_a_footnote_marker_is_not_the_start_of_the_next_sentence(nlp, settings):
    """Web pages mark footnotes "[footnote 1]"; the marker is neither a sentence of its own nor
    the opening words of the evidence sentence after it."""
    text = ("It requires councils to adopt a code of conduct.[footnote 1] Councils decide what the code "
            "contains. The government will publish an illustrative code.")
    got = [text[a:z].strip() for a, z in analyse(nlp, text, [(0, len(text))], settings).sentences]
    assert any(s.startswith("Councils decide what the code contains.") for s in got)
    assert not any(s.startswith(("footnote", "[footnote")) for s in got)


SPLIT_BY_AGENCY = (
    "Dear Paul and Sarah,\n\nThe review makes three recommendations, for the Council, for Meadowgate Homes and for "
    "both agencies.\n\nFor Castlebridge Borough Council:\n\n1. Revise the self-neglect procedure so that high-risk "
    "cases are escalated to a multi-agency meeting.\n\nFor Meadowgate Homes:\n\n2. Introduce an annual home visit "
    "for all tenants aged 75 and over.\n\nFor both agencies:\n\n3. Ensure that front-line staff attend the "
    "Board's self-neglect training.\n\nBest wishes,\n\nJanet Okafor\nIndependent Chair\n\n\n"
    "From: Sarah Whitlock <s.whitlock@meadowgatehomes.example.org>\nSubject: RE: Safeguarding Adults Review\n\n"
    "Hi Janet,\n\nOn recommendation 2, our annual visit programme started on 1 April 2025 and every tenant aged 75 "
    "or over has now been visited.\n\nBest wishes,\n\nSarah Whitlock\nHead of Housing, Meadowgate Homes\n")


def test_a_reply_is_held_to_the_recommendations_sent_to_its_writer_and_to_all(tmp_path, settings, nlp):
    """"For Meadowgate Homes:" sends recommendation 2 to the housing association and "For both
    agencies:" sends it 3 too: its reply is held to those two, not to the Council's."""
    from pipeline.run import run_corpus

    (tmp_path / "thread.txt").write_text(SPLIT_BY_AGENCY, encoding="utf-8")
    result = run_corpus(tmp_path, settings, nlp)
    got = {s["label"]: s["stance"] for s in result.tables["stances"].to_pylist()}
    assert got == {"2": "accepted", "3": "not_addressed"}


RESPONSE_TABLE_PAGE = (
    "<html><head><title>Government response to the Independent Review of Rural Bus Services</title></head><body>"
    "<article><h1>Government response to the Independent Review of Rural Bus Services</h1>"
    "<p>This document sets out the Government's response to each of the review's recommendations, and thanks the "
    "reviewer and everyone who gave evidence.</p><h2>Response to the recommendations</h2><table>"
    "<tr><th>No.</th><th>Recommendation</th><th>Government response</th></tr>"
    "<tr><td>1</td><td>Local transport authorities should publish a rural bus network plan every three years.</td>"
    "<td>Accepted. We will make the plan a statutory requirement from April 2025.</td></tr>"
    "<tr><td>2</td><td>The Department should create a ring-fenced rural bus fund for the next spending review.</td>"
    "<td>Not accepted. We have no plans to ring-fence funding for rural services.</td></tr>"
    "</table><p>Department for Transport</p></article></body></html>")
TWO_COLUMN_PAGE = (
    "<html><head><title>Council response to the Ombudsman's recommendations</title></head><body><article>"
    "<h1>Council response to the Ombudsman's recommendations</h1><p>This page sets out the Council's response to "
    "each of the Ombudsman's recommendations following the investigation into complaint 23 001 234.</p><table>"
    "<tr><th>Recommendation</th><th>Council response</th></tr>"
    "<tr><td>1. The Council should apologise to Mrs X for the delay in completing her assessment.</td>"
    "<td>Done. The Director wrote to Mrs X on 3 May 2024 to apologise.</td></tr>"
    "<tr><td>2. The Council should pay Mrs X £300 for the distress caused.</td>"
    "<td>We do not agree and will not make this payment.</td></tr></table></article></body></html>")


ANNEX_PAPER = (
    "Response to the independent investigation into the care of Mr P\n\nThis document explains what the Trust has "
    "done in response to the investigation's recommendations. We have organised it by theme rather than by "
    "recommendation.\n\nAssessing risk\n\nWe have changed our clinical risk policy so that a patient's risk "
    "assessment is reviewed after every significant change in their circumstances, and the electronic record "
    "now prompts for the review.\n\nMoving between teams\n\nNo patient's care will now be transferred between "
    "community teams until a joint handover meeting has taken place and a care coordinator has been "
    "allocated.\n\nAnnex B: The investigation's recommendations\n\nThe recommendations below are reproduced as "
    "they appear in the investigation report.\n\n1. The Trust should ensure that a patient's risk assessment is "
    "reviewed after every significant change in their circumstances.\n2. The Trust should ensure that no transfer "
    "of care between community teams takes place without a joint handover meeting and an allocated care "
    "coordinator.\n3. The Trust should commission an independent review of its complaints service.\n")


def test_recommendations_listed_in_an_annex_are_answered_by_subject(tmp_path, settings, nlp):
    """A response that answers by theme and reproduces the recommendations in an annex at its end:
    nothing stands under the quotes, so each is answered where the body takes up its subject."""
    from pipeline.run import run_corpus

    (tmp_path / "response.txt").write_text(ANNEX_PAPER, encoding="utf-8")
    result = run_corpus(tmp_path, settings, nlp)
    got = {s["label"]: s["stance"] for s in result.tables["stances"].to_pylist()}
    assert got == {"1": "accepted", "2": "accepted", "3": "not_addressed"}


TAB_TABLE_THREAD = (
    "Subject: Cause of concern - responding to the public\nFrom: PEEL Correspondence\n\nDear Chief Constable,\n\n"
    "We found that calls from the public are not answered quickly enough.\n\nRecommendations\n\nThe force "
    "should:\n\n1. answer 90 percent of emergency calls within 10 seconds;\n\n2. recontact every caller whose "
    "attendance is delayed.\n\nYours sincerely,\n\nRhian Castell\nHM Inspector of Constabulary\n\n"
    "Subject: RE: Cause of concern - responding to the public\nFrom: Sarah Holden\n\nGood morning,\n\n"
    "Please find below the force's update on the cause of concern raised in your letter of 11 March 2025.\n\n"
    "Rec\tAction taken / planned\tLead\tStatus\n"
    "1\tFourteen call handlers have been recruited and are in post. Calls are now answered within 10 seconds."
    "\tHead of Contact\tComplete\n"
    "2\tNot accepted. Recontacting every caller would take call handlers away from emergency calls, and we "
    "will not introduce it.\tHead of Contact\tClosed\n"
    "\nKind regards,\n\nSarah Holden\n")


SPREAD_TABLE_LETTERS = (
    "Dear Secretary of State,\n\nUrgent Notification: HMP Thornmere\n\nI make the following recommendations:\n\n"
    "1. Leaders should reduce the supply of illicit drugs.\n\n2. The prison should replace the broken cell "
    "windows before winter.\n\nYours sincerely,\n\nCharlie Taylor\nHM Chief Inspector of Prisons\n\n\n"
    "Dear Mr Taylor,\n\nThank you for your letter of 2 June 2025. Our response to each matter is set out in the "
    "table below.\n\nNo.\n\nMatter raised\n\nHMPPS response\n\nTarget date\n\n1\n\nDrug supply\n\nAll "
    "incoming mail has been photocopied since 9 June 2025, and the body scanner is now staffed whenever "
    "reception is open.\n\nComplete\n\n2\n\nCell windows\n\nWe do not accept this recommendation. There is no "
    "funding to replace the windows this year and we will not be doing so.\n\nN/A\n\nYours sincerely,\n\n"
    "Shabana Mahmood\nSecretary of State for Justice\n")


def test_a_pdftotext_table_with_blank_lines_between_cells_is_answered_row_by_row(tmp_path, settings, nlp):
    """pdftotext sets a table's cells apart with blank lines: the row number stands alone, then the
    row's title, then the response; each row answers its number."""
    from pipeline.run import run_corpus

    (tmp_path / "letters.txt").write_text(SPREAD_TABLE_LETTERS, encoding="utf-8")
    result = run_corpus(tmp_path, settings, nlp)
    assert {s["label"]: s["stance"] for s in result.tables["stances"].to_pylist()} == {"1": "accepted",
                                                                                       "2": "rejected"}


CABINET_RESPONSE_TABLE = (
    "Appendix A\n\nCabinet response to the recommendations of the Task Group review\n\nNo.\n"
    "Task Group recommendation\nCabinet response\nAction, lead officer and timescale\n\n"
    "1\nThat the Council extends its nitrogen\ndioxide monitoring to every primary\nschool near the two AQMAs.\n"
    "Agreed.\nDiffusion tubes were installed\noutside all 14 schools on 1 September.\nEnvironmental Protection\n"
    "Manager\nComplete\n\n"
    "2\nThat the Council runs an anti-idling\ncampaign with every school\nin the AQMAs.\nThe campaign was "
    "launched on 8\nSeptember with 24 schools.\nEnvironmental Protection\nManager\nOngoing\n\nPage 51\n"
    "\f3\nThat the Council offers free parking\nnear schools at drop-off and pick-up\ntimes.\nNot agreed.\n"
    "The loss of income cannot be met\nwithin the Council's budget.\nHead of Parking Services\nN/A\n\n"
    "4\nThat the Council requires its own\nvehicles to avoid roads outside\nschools at drop-off and pick-up\n"
    "times wherever practicable.\n\n"
    "5\nThat the Cabinet reports to the\nScrutiny Committee on progress\nafter twelve months.\nAgreed.\n"
    "A progress report will be presented\nin October.\nDemocratic Services Manager\nOctober\n")


def test_a_response_table_with_a_row_on_each_page_answers_every_row(tmp_path, settings, nlp):
    """A council's response table as pdftotext gives it, a cell a line: a row's number may open a
    page under the last page's number, and a row with no response beside its recommendation
    answers nothing (not the next row's response)."""
    from pipeline.run import run_corpus

    (tmp_path / "cabinet.txt").write_text(CABINET_RESPONSE_TABLE, encoding="utf-8")
    result = run_corpus(tmp_path, settings, nlp)
    got = {s["label"]: s["stance"] for s in result.tables["stances"].to_pylist()}
    assert got == {"1": "accepted", "2": "accepted", "3": "rejected", "4": "not_addressed", "5": "accepted"}


UKAD_MAIL = ("From: Joanna Threlfall <joanna.threlfall@regulator.example.org.uk>\nSent: 09 February 2026 10:42\n"
             "To: Callum Strachan <ceo@federation.example.org.uk>\nSubject: Compliance review - recommendations\n\n"
             "Dear Callum,\n\nRecommendations\n\n1. Adopt the current Anti-Doping Rules by Board resolution.\n\n"
             "2. Recruit and train at least two volunteer chaperones for each national event.\n\n"
             "3. Send us an action plan by 31 March 2026.\n\nWe will review progress against all of them when we "
             "next meet in the autumn, and we will publish the outcome.\n\nKind regards,\n\nJoanna Threlfall\n"
             "Compliance Manager\n")
TOP_POSTED_THREAD = (UKAD_MAIL + "\nFrom: Callum Strachan <ceo@federation.example.org.uk>\nSent: 27 March 2026 16:58\n"
                     "To: Joanna Threlfall <joanna.threlfall@regulator.example.org.uk>\nSubject: RE: Compliance review - "
                     "recommendations\n\nHi Joanna,\n\nThank you for your email. I have gone through the "
                     "recommendations using your numbers below.\n\n1. Anti-Doping Rules\nThis was done at the Board's "
                     "meeting on 18 March, and the old version has been taken down from our website.\n\n2. Chaperones\nWe have thought hard about this one, and I am "
                     "sorry to say it is a no from us: we do not have the volunteers and will not be recruiting "
                     "chaperones.\n\nBest wishes,\n\nCallum\n\n-----Original Message-----\n" + UKAD_MAIL)


def test_a_top_posted_reply_is_answered_above_the_message_it_quotes(tmp_path, settings, nlp):
    """An e-mail reply answers under its own numbered headings, with the regulator's message quoted
    whole under its signature: the quoted list and "we will review progress against all of them"
    are the regulator's words, not the reply's answers, and the recommendation the reply skips is
    not addressed."""
    from pipeline.run import run_corpus

    (tmp_path / "thread.txt").write_text(TOP_POSTED_THREAD, encoding="utf-8")
    result = run_corpus(tmp_path, settings, nlp)
    got = {s["label"]: s["stance"] for s in result.tables["stances"].to_pylist()}
    assert got == {"1": "accepted", "2": "rejected", "3": "not_addressed"}


def test_a_response_table_split_by_tabs_is_answered_row_by_row(tmp_path, settings, nlp):
    """A table pasted into an e-mail keeps its cells apart with tabs: each row answers its number."""
    from pipeline.run import run_corpus

    (tmp_path / "thread.txt").write_text(TAB_TABLE_THREAD, encoding="utf-8")
    result = run_corpus(tmp_path, settings, nlp)
    assert {s["label"]: s["stance"] for s in result.tables["stances"].to_pylist()} == {"1": "accepted",
                                                                                       "2": "rejected"}


@pytest.mark.parametrize("page, want", [
    (RESPONSE_TABLE_PAGE, {"1": "accepted", "2": "rejected"}),
    (TWO_COLUMN_PAGE, {"1": "accepted", "2": "rejected"}),
], ids=["number-column", "numbered-recommendation-cell"])
def test_a_web_page_s_response_table_is_answered_row_by_row(page, want, tmp_path, settings, nlp):
    """A table row of a saved web page is the recommendation and the response beside it."""
    from pipeline.run import run_corpus

    (tmp_path / "response.html").write_text(page, encoding="utf-8")
    result = run_corpus(tmp_path, settings, nlp)
    assert {s["label"]: s["stance"] for s in result.tables["stances"].to_pylist()} == want


@pytest.mark.parametrize("passage, cue", [
    ("Staff now revisit the patient when observations are due.", "come-back-later"),
    ("Patients who return to the emergency department within 72 hours are now reviewed by a consultant.",
     "come-back-later"),
    ("Decisions about discharge will be made only after a senior review.", "decide-later"),
    ("We have shared the coroner's findings with all ward staff.", "passed-on"),
    ("We have shared the findings of your report across the Trust to make sure lessons are learned.", "passed-on"),
    ("Many families cannot afford the fare, so we introduced a free shuttle bus.", "cannot-afford"),
    ("We will review the data once the second release of the platform is in place.", "in-place-now"),
    ("We will write to the Committee when the specification has been agreed.", "has-done"),
    ("A road will not be accepted as complete until all three sweeps have been recorded.", "once-done"),
    ("When a referral has been rejected, the team now telephones the practice.", "once-done"),
    ("We cannot say whether earlier treatment would have changed the outcome.", "decide-later"),
    ("No patient will be discharged until a decision has been made by a consultant.", "decide-later"),
    ("Nurses will then assess every patient within an hour of admission.", "will-consider"),
    ("We have shared the serious incident review with Mrs Ince's family.", "passed-on"),
])
def test_a_cue_does_not_read_an_account_of_practice_as_its_stance(passage, cue, nlp, lex, settings):
    """A practice described ("staff now revisit the patient"), a decision made only after a review, a
    report shared with the writer's own staff or the family, families who cannot afford a fare, a
    rule that holds until a step has been done or a decision made, what cannot be known, a step
    taken "then": none is the writer putting off, passing on or declining the recommendation."""
    assert not any(c.endswith(f":{cue}") for c in verdict(passage, nlp, lex, settings).cues)


UPDATE_LETTER = """2 February 2026

Dear Minister,

We recommend that the Government:

1.   sets up a fund for public interest local journalism; and
2.   reports to the Committee in twelve months' time on the progress it has made.

Yours sincerely,

Jane Roe
Chair

Dear Ms Roe,

Thank you for your letter of 2 February.

The Government is not able to set up a new fund for public interest local journalism this year.

I will write to the Committee again in March 2027 with an update on each of its recommendations.

Yours sincerely,

Sam Poe
"""


def test_the_sentence_doing_what_a_recommendation_asks_answers_it(nlp, lex, settings):
    """"I will write to the Committee again ... with an update" shares too few words with "reports to
    the Committee in twelve months' time on the progress it has made" to be found by subject, and
    does just what it asks: it is that recommendation's answer, not the reply read whole."""
    reply = segment(UPDATE_LETTER, lex)[1]
    sentences = analyse(nlp, UPDATE_LETTER, [(reply.body_start, reply.body_end)], settings).sentences
    texts = {"1": "sets up a fund for public interest local journalism",
             "2": "reports to the Committee in twelve months' time on the progress it has made"}
    got = {s.recommendation_number: s for s in stances(
        UPDATE_LETTER, reply, "L2", "L1", [], [("1", 1), ("2", 2)], {"1": "r1", "2": "r2"}, sentences, lex, texts)}
    assert got[2].stance is StanceLabel.accepted and "how:topic" in got[2].cues
    assert got[2].evidence.startswith("I will write to the Committee again")


NUMBERED_REPLY = """3 June 2026

Dear Mr Laing,

I recommend that you:

1.   appoint a single point of contact for the tenants;
2.   re-roof the cattle court; and
3.   write to me by 30 September 2026 setting out the progress made on each of these recommendations.

Yours sincerely,

Ann Moir
Commissioner

Dear Ms Moir,

Thank you for your letter of 3 June.

As to your first recommendation, I will be the tenants' point of contact from now on.

Regarding your second recommendation, the cattle court was re-roofed in the week of 19 January.

I will send you a written update on all of the above by 30 September, as you ask.

Yours sincerely,

Iain Laing
"""


def test_a_reply_that_answers_by_number_still_does_what_one_it_skips_asks(nlp, lex, settings):
    """A reply that answers recommendations 1 and 2 by ordinal closes "I will send you a written
    update on all of the above by 30 September, as you ask": that does what recommendation 3 asks,
    though no number heads it (before, 3 was not addressed)."""
    reply = segment(NUMBERED_REPLY, lex)[1]
    sentences = analyse(nlp, NUMBERED_REPLY, [(reply.body_start, reply.body_end)], settings).sentences
    texts = {"1": "appoint a single point of contact for the tenants", "2": "re-roof the cattle court",
             "3": "write to me by 30 September 2026 setting out the progress made on each of these recommendations"}
    refs = R.find_refs(NUMBERED_REPLY, reply, R.load_rules(settings.models_dir))
    got = {s.recommendation_number: s for s in stances(
        NUMBERED_REPLY, reply, "L2", "L1", refs, [("1", 1), ("2", 2), ("3", 3)], {"1": "r1", "2": "r2", "3": "r3"},
        sentences, lex, texts)}
    assert got[3].stance is StanceLabel.accepted and got[3].evidence.startswith("I will send you a written update")
    assert got[1].evidence.startswith("As to your first recommendation")


@pytest.mark.parametrize("passage", [
    "We have also bought two more trench boxes so there is one with every drainage gang.",
    "We have since replaced the barriers with heavier ones that are pinned together.",
    "The briefing is run by a professional stewarding company that we have engaged to train our stewards.",
])
def test_a_thing_done_said_with_also_or_since_is_done(passage, nlp, lex, settings):
    """"We have also bought two more trench boxes": the adverb does not hide the action (before, an
    answer of such sentences had no cue and the model read it as partial)."""
    assert "accepted:has-done" in verdict(passage, nlp, lex, settings).cues


def test_having_engaged_with_others_is_no_thing_done(nlp, lex, settings):
    """"We have engaged with NHS England" is talk, not action."""
    v = verdict("We have engaged with NHS England and the Royal Colleges on this recommendation.", nlp, lex, settings)
    assert "accepted:has-done" not in v.cues


@pytest.mark.parametrize(("passage", "fires"), [
    ("From January 2035 we will decide reviews of homelessness decisions within 56 days of the request.", False),
    ("The Tribunal will decide most appeals on the papers from April.", False),
    ("We will decide whether to extend the scheme once the pilot has been evaluated.", True),
    ("Ministers will decide whether appeals should be heard by the tribunal once the consultation closes.", True),
    ("We will decide the review timetable after the election.", True),
    ("The Secretary of State will decide which applications to fund after the spending review.", True),
    ("Ministers will then decide on the way forward.", True),
])
def test_deciding_cases_is_casework_not_a_decision_put_off(passage, fires, nlp, lex, settings):
    """"We will decide reviews within 56 days" says how a body's casework will be done; "will decide
    whether" puts the recommendation's own decision off."""
    assert ("deferred:decide-later" in verdict(passage, nlp, lex, settings).cues) is fires


@pytest.mark.parametrize(("passage", "label"), [
    ("Response: Note\n\nPublic toilets are a matter for local authorities. We have no plans to introduce a "
     "statutory duty to provide them.", StanceLabel.rejected),
    ("Noted.\n\nThe Department does not accept that a separate appeal hearing is needed.", StanceLabel.rejected),
    ("Response: Note\n\nThe Committee's findings will inform our guidance for local authorities.", StanceLabel.noted),
    # declining one part and doing another is partial whatever the status says
    ("Noted.\n\nWe have no plans to introduce a new statutory duty, but we have already fitted new gates at all "
     "four sites and published new guidance.", StanceLabel.partially_addressed),
])
def test_a_recommendation_noted_and_then_declined_is_refused(passage, label, nlp, lex, settings):
    """"Response: Note" over "We have no plans to ...": the status only notes it, and the prose
    refuses it."""
    assert verdict(passage, nlp, lex, settings).label is label


@pytest.mark.parametrize(("passage", "label"), [
    ("The Trust accepts this concern. A pharmacist now visits each ward every weekday. We have not yet been able "
     "to extend this to weekends.", StanceLabel.partially_addressed),
    ("We have fitted the new gates at all four sites. The installer is not able to retrofit the older gates "
     "this year.", StanceLabel.partially_addressed),
    ("The Trust accepts this concern. A pharmacist now visits each ward every weekday, including weekends.",
     StanceLabel.accepted),
])
def test_accepting_and_then_saying_a_part_cannot_be_done_is_partial(passage, label, nlp, lex, settings):
    """"We have not yet been able to extend this to weekends" after an acceptance or a thing done:
    the part left undone makes the answer partial (so keyed in 56 of the 63 probe answers where the
    lexicon read such an answer as accepted)."""
    assert verdict(passage, nlp, lex, settings).label is label


@pytest.mark.parametrize(("passage", "label"), [
    ("Accepted. The Department agrees that the charges should be clearer. Ministers will decide in the autumn "
     "whether to legislate.", StanceLabel.deferred),
    ("The Trust accepts this concern. We have fitted the new gates at all four sites.", StanceLabel.accepted),
    # done already: the decision still to come is a detail of it
    ("Accepted. We have fitted the new gates at all four sites. The Board will decide in May how often they are "
     "inspected.", StanceLabel.accepted),
])
def test_accepting_while_the_decision_is_still_to_come_waits(passage, label, nlp, lex, settings):
    """"Accepted. ... Ministers will decide in the autumn whether to legislate": the status accepts,
    and what was asked waits on a decision not yet made."""
    assert verdict(passage, nlp, lex, settings).label is label


@pytest.mark.parametrize(("passage", "fires"), [
    ("NIFRS notes the Committee's recommendation, and we will provide the Department with any information or "
     "advice it asks for in considering it.", True),
    ("We have shared the review with the Scottish Government, and we will provide it with any information it "
     "needs in considering the recommendation.", True),
    ("We will provide every household with a smoke alarm by March.", False),
    ("From April we will provide every patient discharged on warfarin with any information and support they "
     "need.", False),
])
def test_offering_the_deciding_body_help_only_notes(passage, fires, nlp, lex, settings):
    """"We will provide the Department with any information it asks for in considering it": the
    recommendation is someone else's to decide, and the writer only offers help (before, "will
    provide" read as a commitment: accepted)."""
    cues = verdict(passage, nlp, lex, settings).cues
    assert ("noted:offers-help" in cues) is fires
    assert ("accepted:will-act" in cues) is not fires


@pytest.mark.parametrize("passage", [
    "We will write to you once the independent report is published.",
    "We will send you a copy of the inquest report when we receive it.",
])
def test_news_or_a_document_promised_to_you_is_no_progress_update(passage, nlp, lex, settings):
    rec = "Write to me by 30 September 2026 setting out the progress made on each of these recommendations."
    assert "accepted:promised-update" not in verdict(passage, nlp, lex, settings, rec).cues


def test_a_decline_in_numbers_is_no_refusal(nlp, lex, settings):
    """"the decline in volunteering among people of working age", "membership has declined by 4%":
    the noun and the verb without an object refuse nothing (before, either fired the refusal cue and
    an answer that commits to a new strategy read as mixed); "we decline to" and "declined the
    proposal" still refuse."""
    told = verdict("The Department will publish a new strategy by March, and the co-design group will look at the "
                   "decline in volunteering among people of working age.", nlp, lex, settings)
    assert not any(c.startswith("rejected:") for c in told.cues)
    for refusal in ("We decline to set a target.", "The Board declined the proposal."):
        assert "rejected:reject" in verdict(refusal, nlp, lex, settings).cues


def test_an_apology_written_is_an_apology_made(nlp, lex, settings):
    """"The Chair wrote to Mr C on 14 January to apologise for the failings identified": the apology
    the recommendation asks for has been made, in the simple past a has-done cue misses."""
    for done in ("The Chair of the Commission wrote to Mr C on 14 January 2026 to apologise for the failings identified "
                 "in the report.", "We have formally apologised to Mrs Fothergill."):
        assert "accepted:apologised" in verdict(done, nlp, lex, settings).cues


def test_paragraph_numbered_recommendations_sharing_a_leading_number_are_each_kept(nlp, lex, settings):
    """A reply answering the ombudsman's paragraphs 7.1 and 7.2 under their numbers and never taking
    up 7.3: 7.3 has not been addressed. The three share the leading number 7, but they are not one
    recommendation written two ways, as a letter's "4" and a reply's "4a(ii)" are (before, 7.3 was
    dropped and had no stance at all)."""
    text = ("Dear Mr Cromie,\n\nI recommend that the Commission:\n\n7.1 Apologise to Mr C in writing for the failings "
            "identified.\n\n7.2 Revise its scoring template so that panels record a reason for each score.\n\n"
            "7.3 Review its handling of Mr C's complaint and tell me what changes it will make.\n\nYours sincerely,"
            "\n\nSiobhan McGlade\n\n"
            "Dear Ms McGlade,\n\nThank you for your report of 19 December.\n\nRecommendation 7.1 (apology)\n\nThe Chair "
            "wrote to Mr C on 14 January to apologise.\n\nRecommendation 7.2 (scoring template)\n\nThe scoring template has been "
            "revised.\n\nYours sincerely,\n\nAndrew Cromie\n")
    reply = segment(text, lex)[1]
    refs = R.find_refs(text, reply, R.load_rules(settings.models_dir))
    sentences = analyse(nlp, text, [(reply.body_start, reply.body_end)], settings).sentences
    raised = [("7.1", 7), ("7.2", 7), ("7.3", 7)]
    got = {s.label: s.stance for s in stances(text, reply, "L2", "L1", refs, raised,
                                              {"7.1": "a", "7.2": "b", "7.3": "c"}, sentences, lex)}
    assert got["7.3"] is StanceLabel.not_addressed and got["7.2"] is StanceLabel.accepted


def test_a_decline_in_figures_and_an_apology_for_delay_are_neither_refusal_nor_action(nlp, lex, settings):
    """"Volunteer numbers declined to 12,000", "continued to decline this year", "declined by the same
    proportion" refuse nothing; "I wrote to you to apologise for the delay in this response" is no
    apology the recommendation asked for."""
    for said in ("Volunteer numbers declined to 12,000 in 2023.", "Applications continued to decline this year.",
                 "Membership declined by the same proportion."):
        assert "rejected:reject" not in verdict(said, nlp, lex, settings).cues
    late = verdict("I wrote to you on 3 March to apologise for the delay in this response.", nlp, lex, settings)
    assert "accepted:apologised" not in late.cues


def test_one_label_within_another_is_a_part_not_a_sibling():
    """"4" and "4a(ii)" are one recommendation written two ways; "7.1" and "7.12", or "7.1" and "7.6",
    are two."""
    from pipeline.stages.stance import _one_within
    assert _one_within("4", "4a(ii)") and _one_within("4a", "4")
    assert not _one_within("7.1", "7.12") and not _one_within("7.1", "7.6") and not _one_within("1", "12")


@pytest.mark.parametrize("passage", [
    "As to the first of them, from 1 August 2026 no driver is asked to serve a temporary stop until a member of our "
    "operations team has visited it and completed a written risk assessment.",
    "Since 1 December 2025 every notification of a child removed from a school roll has been allocated the same day.",
    "From 2 March 2026, every card printed from the handheld device shows the address and opening hours.",
])
def test_a_rule_in_force_from_a_date_is_done(passage, nlp, lex, settings):
    """"From 1 August 2026 no driver is asked to ...", "Since 1 December every notification ...": a
    practice in force from a date is what was asked, done, though no word says so; its "no" and
    "until" are the rule's, not a refusal."""
    v = verdict(passage, nlp, lex, settings)
    assert "accepted:dated-rule" in v.cues and v.label is A


@pytest.mark.parametrize("passage", [
    "Business rates policy is a matter for HM Treasury.",
    "The London Plan and its fire safety policies are a matter for the Mayor as the strategic planning authority.",
    "The Agency holds no budget for placements, and the Department is replying to the Committee on this point.",
])
def test_saying_whose_matter_it_is_points_elsewhere(passage, nlp, lex, settings):
    """A recommendation answered by naming the body whose matter it is ("a matter for HM Treasury",
    "the Department is replying to the Committee on this point") is acknowledged, not refused."""
    v = verdict(passage, nlp, lex, settings)
    assert "noted:points-elsewhere" in v.cues and v.label is N


def test_whose_matter_for_the_committee_to_decide_points_nowhere(nlp, lex, settings):
    """"a matter for the Committee" is the letter's own writer, not another body it could go to."""
    assert "noted:points-elsewhere" not in verdict("This is a matter for the Committee to decide.", nlp, lex,
                                                   settings).cues


def test_a_noted_status_over_a_promise_to_consider_waits(nlp, lex, settings):
    """"Response: Note" over "We will consider whether to commission research ... when we develop the
    plan": noted, then put off, waits, as noted then declined is refused (the status is evidence,
    not the verdict)."""
    v = verdict("Response: Note\n\nWe will consider whether to commission research of this kind when we develop the "
                "Creative Wales strategic plan for 2027-2030, work on which will begin next year.", nlp, lex, settings)
    assert v.label is D and "deferred:noted-then-waits" in v.cues
    # a plain "Noted." with nothing after it stays noted
    assert verdict("Response: Note", nlp, lex, settings).label is N


@pytest.mark.parametrize("passage", [
    "Since January 2026, no funding has been identified for the posts.",
    "As of March 2026, no decision has been taken.",
    "From April 2027, all wards will be asked to consider the change.",
])
def test_a_date_over_nothing_done_is_no_rule_in_force(passage, nlp, lex, settings):
    assert "accepted:dated-rule" not in verdict(passage, nlp, lex, settings).cues


def test_a_noted_status_over_another_body_s_matter_stays_noted(nlp, lex, settings):
    """"Noted" over "a matter for the Home Office, which will respond in due course": whose matter it
    is, not a wait of the writer's own."""
    v = verdict("Response: Noted\n\nThis is a matter for the Home Office, which will respond in due course.", nlp, lex,
                settings)
    assert v.label is N


def test_a_noted_status_over_what_has_been_done_is_done(nlp, lex, settings):
    """"Noted." over "On 9 May 2026 the defibrillator was moved ... All lifeguards have been retrained":
    noted, then done, is done, as noted then declined is refused; passed on to another body, it stays
    noted."""
    v = verdict("Noted. On 9 May 2026 the defibrillator was moved to an unlocked cabinet beside the pool "
                "entrance. All lifeguards have been retrained in its use.", nlp, lex, settings)
    assert v.label is A and "accepted:noted-then-done" in v.cues
    v = verdict("Noted. We have shared your report with the Health Board, which has reviewed its guidance.",
                nlp, lex, settings)
    assert v.label is N


@pytest.mark.parametrize("passage, label", [
    # the facts of the case retold, not action taken on the report
    ("Noted. Mr Smith was moved to Ward 7 on 3 May and was reviewed by the consultant.", N),
    ("Noted. The boiler was installed in 2009 and was replaced in 2014, before the tenancy began.", N),
])
def test_a_noted_status_over_the_facts_of_the_case_stays_noted(passage, label, nlp, lex, settings):
    assert verdict(passage, nlp, lex, settings).label is label


def test_instead_going_further_is_no_refusal(nlp, lex, settings):
    assert "rejected:offers-instead" not in verdict(
        "We agree. Instead, we will go further and fit alarms in every flat by March.", nlp, lex, settings).cues


@pytest.mark.parametrize("passage", [
    "We consulted on the principles of a scheme and are analysing the 71 responses. We will publish our decision, "
    "with an impact assessment, in the second half of 2027.",
    "It is important that we understand that trade-off properly before reaching a view.",
])
def test_a_decision_still_to_be_published_waits(passage, nlp, lex, settings):
    """"We will publish our decision ... in 2027" and "before reaching a view" put the decision off
    (before, the first read as a promise kept and the second as noted)."""
    assert verdict(passage, nlp, lex, settings).label is D


def test_a_reply_above_the_message_it_quotes_answers_that_message_s_recommendations(tmp_path, settings, nlp):
    """An e-mail reply over the request it answers, quoted Outlook's way with no "Original Message"
    line: the request's "Paragraph 41: ..." and "Paragraph 46: ..." are what the reply answers, the
    one it leaves alone not addressed (before, no stance at all: they stood only in the quote)."""
    from pipeline.run import run_corpus
    from tests.test_segment import _newest_first_chain
    (tmp_path / "chain.txt").write_text(_newest_first_chain("Tribunal hearing venues - request for response"),
                                        encoding="utf-8")
    got = {s["label"]: s["stance"] for s in run_corpus(tmp_path, settings, nlp).tables["stances"].to_pylist()}
    assert set(got) == {"41", "46"} and got["46"] == "not_addressed" and got["41"] != "not_addressed"


QUOTED_REQUEST_TO_THREE_BODIES = "From: Policy Team, Ofwat <policy@ofwat.example.gov.uk>\nSent: 14 May 2025 15:02\nTo: Clerk, EFRA Committee <efracom@parliament.example.uk>\nSubject: RE: Water quality report - recommendations\n\nDear Clerk,\n\nThank you for sending the Committee's report. Recommendation 3 is the one for Ofwat. We accept it: we will publish company-level sewage overflow data from July 2025.\n\nKind regards,\n\nOfwat Policy Team\n\nFrom: Clerk, EFRA Committee <efracom@parliament.example.uk>\nSent: 02 April 2025 09:30\nTo: Policy Team, Ofwat <policy@ofwat.example.gov.uk>; Correspondence, Defra <correspondence@defra.example.gov.uk>\nSubject: Water quality report - recommendations\n\nDear all,\n\nThe Committee's report makes three recommendations:\n\nRecommendation 1: Defra should set a statutory target for storm overflow spills.\n\nRecommendation 2: The Environment Agency should double its inspections.\n\nRecommendation 3: Ofwat should publish company-level overflow data.\n\nPlease reply by 16 May.\n\nClerk to the Committee\n"


def test_a_reply_that_names_its_own_recommendation_is_not_asked_the_quoted_others(tmp_path, settings, nlp):
    """Ofwat's reply says "Recommendation 3 is the one for Ofwat" over the committee's e-mail, quoted
    below it, that states 1 to 3 for three bodies: it answers 3 alone (not 1 and 2, not addressed)."""
    from pipeline.run import run_corpus
    (tmp_path / "ofwat.txt").write_text(QUOTED_REQUEST_TO_THREE_BODIES, encoding="utf-8")
    got = {s["label"]: s["stance"] for s in run_corpus(tmp_path, settings, nlp).tables["stances"].to_pylist()}
    assert got == {"3": "accepted"}


@pytest.mark.parametrize("passage", [
    "We accept this recommendation. We will publish our decision letter on 1 May, confirming the funding for all "
    "twelve sites.",
    "We accept this recommendation. Before reaching a view, we consulted the Chief Fire Officers and all agreed the "
    "change, which came into force on 1 April.",
    "We accept this recommendation. We consulted widely before reaching a decision to fund the scheme, which began in "
    "April.",
    "We accept this recommendation and will announce our decision to extend the scheme to all forces next week.",
])
def test_a_decision_made_or_announced_puts_nothing_off(passage, nlp, lex, settings):
    """A "decision letter", a "decision to extend", and a view reached before what was then done are
    no decision still to come (the wording that defers is "will publish our decision" alone, and
    "before reaching a view" in what is still to be done)."""
    assert verdict(passage, nlp, lex, settings).label is not D


# ---- guards from the review of round 52's mends: documents each mend must leave as they were

PARAGRAPH_OVER_A_DRAFT_ORDER = 'Department for Levelling Up\n2 Marsham Street\nLondon SW1P 4DF\n\n12 March 2026\n\nDear Ms Hartley,\n\nThank you for your letter of 3 February 2026 about the draft Order.\n\nParagraph 4\n\nThe draft Order amends Schedule 2 so that the consent of the Secretary of State is needed before any disposal of land held for planning purposes.\n\nParagraph 12 of Schedule 5\n\nThis paragraph is retained unchanged and continues to apply to existing tenancies granted before the commencement date.\n\nWe will write again once the consultation closes.\n\nYours sincerely,\n\nJane Roberts\nDeputy Director\n'

PARAGRAPHS_IN_MINUTES = 'MINUTES OF THE PLANNING COMMITTEE\nHeld on 3 March 2026 at the Town Hall\n\nPresent: Cllr A Smith (Chair), Cllr B Jones, Cllr C Patel\n\n1. Apologies\n\nApologies were received from Cllr D Evans.\n\n2. Matters arising from the previous minutes\n\nParagraph 6\n\nThe clerk reported that the highways authority had now replied about the crossing on Mill Lane.\n\nParagraph 9\n\nMembers noted that the survey of the play area would be carried out in April by the contractor.\n\n3. Any other business\n\nThere was none. The meeting closed at 8.15pm.\n'

PARAGRAPH_OF_QUOTED_GUIDANCE = "Home Office\n2 Marsham Street\nLondon SW1P 4DF\n\n14 April 2026\n\nDear Chair,\n\nThank you for the Committee's report on immigration detention. I respond to its recommendations below.\nRecommendation 1\nThe Home Office should publish monthly data on the length of detention.\nWe accept this recommendation. Monthly figures will be published from June 2026.\nRecommendation 2\nThe Home Office should amend the Adults at Risk guidance so that a detained person's medical evidence is considered within 48 hours.\nWe do not accept this recommendation. The current guidance already addresses this point, as the following extract shows:\nParagraph 17\nCaseworkers must consider any medical evidence provided by a detained individual as soon as is reasonably practicable.\nWe consider that this wording is sufficient and gives caseworkers the flexibility they need.\n\nYours sincerely,\n\nTom Purslow\nMinister for Legal Migration\n"

RESPONSE_QUOTING_INFORM_US_WITHIN = "Department for Transport\nGreat Minster House\nLondon SW1P 4DR\n\n2 June 2026\n\nDear Chair,\n\nThank you for the Transport Committee's report on rail accessibility, published on 3 March 2026. I set out the Government's response to each recommendation below.\n\nRecommendation 1\n\nThe Department should set a deadline for step-free access at all stations and should inform us within six months of the date it has chosen.\n\nWe accept this recommendation. We will set out a timetable in the autumn.\n\nRecommendation 2\n\nThe Department should fund staff at unstaffed stations.\n\nWe do not accept this recommendation. Passenger assistance is already available at every station through the Passenger Assist service.\n\nYours sincerely,\n\nSimon Lightfoot\nMinister for Local Transport\n"

REPLY_CONFIRMING_WITHIN_THREE_MONTHS = "Northshire Council\nCounty Hall\nNorthtown NT1 1AA\n\n2 June 2026\n\nDear Ms Clarke,\n\nComplaint reference 25 001 234\n\nThank you for the Ombudsman's final report of 3 March 2026 about Mrs B's housing application.\n\nI understand that the Council must confirm within three months the action it has taken on the recommendations. I can now confirm that the Council has apologised to Mrs B and paid her two hundred pounds. We have also reviewed the allocations procedure.\n\nYours sincerely,\n\nPeter Hall\nChief Executive\n"

ANSWERS_IN_BLOCKQUOTES = '# Government response to the Public Accounts Committee report on NHS waiting lists\n\nDepartment of Health and Social Care, 12 May 2026\n\n## Recommendation 1\n\nThe Department should publish a single plan for reducing waiting lists by the end of 2026.\n\n> Agreed. This will be done by December and laid before Parliament.\n\n## Recommendation 2\n\nNHS England should report monthly on the number of patients waiting over a year.\n\n> Not agreed. The data is already published on the statistics website and a second series would add cost without benefit.\n'


@pytest.mark.parametrize(("name", "text"), [
    ("paragraph-over-a-draft-order", PARAGRAPH_OVER_A_DRAFT_ORDER),
    ("paragraphs-in-minutes", PARAGRAPHS_IN_MINUTES),
    ("paragraph-of-quoted-guidance", PARAGRAPH_OF_QUOTED_GUIDANCE),
    ("response-quoting-inform-us-within", RESPONSE_QUOTING_INFORM_US_WITHIN),
    ("reply-confirming-within-three-months", REPLY_CONFIRMING_WITHIN_THREE_MONTHS),
    ("answers-in-blockquotes", ANSWERS_IN_BLOCKQUOTES),
])
def test_round_52_s_mends_leave_these_documents_as_they_were(name, text, tmp_path, settings, nlp):
    """Documents the review of round 52's mends found changed: each reads as it did before them
    ("Paragraph 4" over what a draft Order does, or over guidance quoted in an answer, recommends
    nothing; a reply that quotes "should inform us within six months" or says it "must confirm within
    three months" is still a reply; answers a page sets in blockquotes are still answers)."""
    from pipeline.run import run_corpus
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    tables = run_corpus(tmp_path, settings, nlp).tables
    kinds = [r["kind"] for r in tables["letters"].to_pylist()]
    got = {s["label"]: s["stance"] for s in tables["stances"].to_pylist()}
    expected = {
        "paragraph-over-a-draft-order": ({}, None),
        "paragraphs-in-minutes": ({}, None),
        "paragraph-of-quoted-guidance": (None, "17"),
        "response-quoting-inform-us-within": ({"1": "accepted", "2": "rejected"}, None),
        "reply-confirming-within-three-months": (None, None),
        "answers-in-blockquotes": ({"1": "accepted", "2": "rejected"}, None),
    }[name]
    want, absent = expected
    if want is not None:
        assert got == want
    if absent is not None:
        assert absent not in got
    if name.startswith(("response-", "reply-")):
        assert "reply" in kinds


@pytest.mark.parametrize("passage", [
    "We will publish a full response to the consultation by 30 June 2027.",
    "I will write to every family with a full account of the review's findings by the end of May.",
    "We have considered the recommendation carefully before giving our answer, and we accept it.",
    "The practice manager will write to Mrs Ferris with a full response and an apology.",
    "His family would like to consider the report with their solicitor before the inquest resumes.",
])
def test_a_full_answer_given_or_promised_to_others_is_no_holding_reply(passage, nlp, lex, settings):
    """A commitment to publish a response, or to write to others with an account, does not put off the
    answer to the recommendation; only "will write to the Chair with a full response" does."""
    assert "deferred:full-reply-to-come" not in verdict(passage, nlp, lex, settings).cues


def test_agreement_in_principle_then_no_plans_declines(nlp, lex, settings):
    """"The Government agrees in principle that vetting units must be properly resourced ... and we have
    no plans to introduce a ring-fenced grant for vetting.": nothing is done or to come, so the
    recommendation is declined (FORMAT.md: a status word is evidence, not the verdict), not partly met
    as where part is to be done ("We will fund two posts ... We have no plans to ..."). Round 68,
    papers_blind66/01."""
    v = verdict("The Government agrees in principle that vetting units must be properly resourced. Decisions "
                "on how that funding is spent are for chief constables, and we have no plans to introduce a "
                "ring-fenced grant for vetting.", nlp, lex, settings)
    assert v.label.value == "rejected"
    done = verdict("We will fund two further vetting posts in every region from April. We have no plans to "
                   "introduce a ring-fenced grant for vetting.", nlp, lex, settings)
    assert done.label.value == "partially_addressed"


def test_a_previous_status_is_no_status_line(nlp, lex, settings):
    """"Previous response: Accepted" over "Current position: Deferred": the earlier status is history,
    not the reply's stance; "Current position: Not accepted" is the status line."""
    assert not any(c.endswith(":label-accepted") for c in verdict("Previous response: Accepted", nlp, lex, settings).cues)
    assert verdict("Current position: Not accepted", nlp, lex, settings).label.value == "rejected"


@pytest.mark.parametrize("passage, label", [
    # the provision that exists already, given as the reason for declining: a refusal
    ("The Global Talent route already provides a route for creative practitioners who do not need a sponsor. "
     "The Government does not intend to open the Creative Worker route to self-sponsorship.", J),
    ("Our guidance already requires schools to record these incidents. We do not propose to issue further "
     "guidance.", J),
    # one part done or committed to beside the refusal: partial
    ("Our guidance already requires schools to record these incidents, and from September we will publish the "
     "figures each term. We do not propose to break them down by school.", P),
])
def test_a_refusal_whose_reason_is_the_existing_provision_refuses(passage, label, nlp, lex, settings):
    """Existing provision named as the reason for declining does no part of what was asked: the answer
    refuses (before, it was read as a mixed answer, partial); a part done or promised beside the refusal
    still makes it partial."""
    assert verdict(passage, nlp, lex, settings).label is label


@pytest.mark.parametrize("passage", [
    "We will pay the two families the fees they were charged in error.",
    "We will train all reception staff in care navigation by March.",
    "We will add a further 100 places to the scheme from April.",
    "The council will install new lighting on the footbridge this winter.",
])
def test_commitments_in_plain_verbs_are_commitments(passage, nlp, lex, settings):
    """"We will pay ...", "We will train ...", "will add ...": commitments, which a refusal of another part beside
    them leaves partial, not refused."""
    assert "accepted:will-act" in verdict(passage, nlp, lex, settings).cues


@pytest.mark.parametrize("passage, fires", [
    ("Having weighed the costs, the Board will not establish a separate appeals panel.", True),
    ("The Council has decided that it will not recruit further wardens this year.", True),
    ("We will not reopen the branch library on Saturdays.", True),
    # a safeguard described, not a refusal: the thing will not happen unless or until a check is made
    ("The system will not issue a repeat prescription until a pharmacist has reviewed it.", False),
    ("The lift will not restore power unless the gate is closed.", False),
])
def test_declining_to_set_something_up_is_a_refusal(passage, fires, nlp, lex, settings):
    """"We will not establish / recruit / reopen ..." declines what was asked in the verbs it was asked in; before,
    only "will not implement / introduce / fund ..." counted, so a refusal in other verbs beside a commitment read
    accepted. "... will not X until / unless ..." describes a safeguard and is no refusal."""
    assert ("rejected:will-not-provide" in verdict(passage, nlp, lex, settings).cues) is fires


@pytest.mark.parametrize("passage", [
    "The ICB notes the concerns you have directed to it. Your report has been shared with the Partnership Board "
    "and with its Chair.",
    "The concerns you have raised have been shared with the Quality Committee.",
])
def test_a_report_passed_on_or_the_coroner_s_own_acts_are_no_action(passage, nlp, lex, settings):
    """"Your report has been shared with the Board" passes the report on, as "we have shared your report"
    does: it is noted, not done; and "the concerns you have directed to it" is what the coroner did
    (before, both read as work the replier had done, and the answer accepted)."""
    got = verdict(passage, nlp, lex, settings)
    assert "accepted:has-done" not in got.cues
    assert "noted:passed-on" in got.cues


def test_a_report_the_coroner_also_sent_to_another_body_is_not_passed_on(nlp, lex, settings):
    """"Your report has also been sent to the Trust, who are the appropriate organisation to respond": the
    coroner sent it, the replier passed nothing on."""
    got = verdict("I note that your report has also been sent to the Foundation Trust, who are the appropriate "
                  "organisation to respond to the concerns.", nlp, lex, settings)
    assert "noted:passed-on" not in got.cues


@pytest.mark.parametrize("passage", [
    "We will not establish a national anchor register until the HSE review of work at height guidance reports.",
    "The ICB will not commission a crisis house until its review of crisis services ends in the autumn.",
])
def test_declining_until_a_review_reports_puts_the_decision_off(passage, nlp, lex, settings):
    """"We will not establish X until the review reports" waits for the review: deferred, not a refusal
    (before, no cue fired and the model read it accepted)."""
    got = verdict(passage, nlp, lex, settings)
    assert "deferred:not-until-review" in got.cues and "rejected:will-not-provide" not in got.cues


@pytest.mark.parametrize("passage", [
    "We have shared your report with the commissioners, who have confirmed that both matters will be considered "
    "at the contract review meeting in September 2024.",
    "We have shared the findings of the audit with the Local Safeguarding Children Partnership, which will "
    "consider them at its meeting in June 2024.",
    "To be considered as part of the wider digital services review, which will report to Cabinet in the autumn.",
])
def test_a_matter_handed_on_to_be_considered_is_deferred(passage, nlp, lex, settings):
    """Shared with a body that will consider it, or a status cell "To be considered as part of ...": the
    decision waits (before, "have shared" read as work done, or the cell had no cue at all)."""
    assert verdict(passage, nlp, lex, settings).label is D


def test_a_number_named_in_passing_gives_way_to_its_parts_answered_apart(tmp_path, settings, nlp):
    """A response paper says the Committee's recommendations were "numbered 1 to 6 with recommendation 3 in two
    parts", and answers recommendation 3 "On part (a), ..." and "On part (b), ...". The parts take the stances;
    "3", named only in passing, takes none (before, it was answered too, noted, beside its parts)."""
    from pipeline.run import run_corpus
    text = ("Government response to the Science Committee report on artificial intelligence in public services\n\n"
            "1.    The Government welcomes the Committee's report and thanks the witnesses who gave evidence.\n\n"
            "2.    The Committee made seven recommendations, numbered 1 to 6 with recommendation 3 in two parts. This "
            "paper responds to recommendation 3, the one addressed to the Department.\n\nRecommendation 3\n\n"
            "(a) Departments should publish a register of the algorithmic tools they use to make decisions; and\n\n"
            "(b) the Government should legislate to give citizens a right to an explanation of such decisions.\n\n"
            "3.    On part (a), the Government agrees. The register will cover every department from April 2027.\n\n"
            "4.    On part (b), the Government does not agree. Data protection law already gives this right.\n")
    (tmp_path / "paper.txt").write_text(text, encoding="utf-8")
    got = {s["label"]: s["stance"] for s in run_corpus(tmp_path, settings, nlp).tables["stances"].to_pylist()}
    assert set(got) == {"3a", "3b"}


def test_an_acceptance_in_its_status_word_alone_over_a_review_to_come_waits(nlp, lex, settings):
    """"Accepted." over "The handbook is being reviewed by a working group ..., and lone working will be one of the
    matters it considers": the only acceptance is the status word, and what follows waits for the review, so the
    answer is deferred (before, the status word decided it). With something already done beside the review ("We
    have fitted the gates"), it stays accepted."""
    review = ("the handbook is being reviewed by a working group which will report in the autumn, and lone working "
              "will be one of the matters it considers.")
    assert verdict(f"Accepted. {review[0].upper()}{review[1:]}", nlp, lex, settings).label is D
    assert verdict(f"Accepted. We have fitted the gates, and {review}", nlp, lex, settings).label is A


def test_a_covering_letter_says_which_recommendations_its_paper_answers(tmp_path, settings, nlp):
    """A committee's report sends seven recommendations; the minister's covering letter says "Recommendations 4, 6
    and 7 are addressed to Natural Resources Wales, and I understand that NRW is responding to you directly" and
    "Please find enclosed the Welsh Government's response". The paper it encloses answers 1, 2, 3 and 5 and names 6
    in passing: it is asked those four only, and the covering letter takes no stance of its own (before, the paper
    was asked 4, 6 and 7 too and the letter answered them all)."""
    from pipeline.run import run_corpus
    recs = ["publish a tree planting target", "reward riverside buffer strips", "publish a land use framework",
            "restore peatland faster", "review upland grazing rules", "expand river monitoring",
            "reform abstraction licensing"]
    report = ("Climate and Environment Committee\nSenedd Cymru\nCardiff Bay\nCardiff CF99 1SN\n\n2 July 2024\n\n"
              "Dear Minister,\n\nOur report on upland land management makes seven recommendations.\n\n"
              + "".join(f"Recommendation {n}. The Welsh Government should {r}.\n" for n, r in enumerate(recs, 1))
              + "\nWe would be grateful for responses by 20 August 2024.\n\nYours sincerely,\n\nRhian Howells MS\n"
              "Chair, Climate and Environment Committee\n")
    cover = ("\fWelsh Government\nCathays Park\nCardiff CF10 3NQ\n\n19 August 2024\n\nDear Rhian,\n\nThank you for "
             "the Committee's report. Recommendations 4, 6 and 7 are addressed to Natural Resources Wales, and I "
             "understand that NRW is responding to you directly. Please find enclosed the Welsh Government's response "
             "to the report.\n\nYours sincerely,\n\nEluned Parry MS\nMinister for Climate Change\n")
    answers = {1: "Response: Accept. We will set the target by the end of 2025.",
               2: "Response: Reject. We will not change the farm support scheme. NRW's response to recommendation 6 "
                  "will say more about monitoring.",
               3: "Response: Reject. The national development plan already sets out land use policy.",
               5: "Response: Accept in principle. We will decide whether to commission a review once the scheme has "
                  "been evaluated in 2026."}
    paper = ("\fWelsh Government response to the Climate and Environment Committee report\n\n"
             + "".join(f"Recommendation {n}. The Welsh Government should {recs[n - 1]}.\n{a}\n\n"
                       for n, a in answers.items()))
    (tmp_path / "pack.txt").write_text(report + cover + paper, encoding="utf-8")
    tables = run_corpus(tmp_path, settings, nlp).tables
    index = {r["letter_id"]: r["index"] for r in tables["letters"].to_pylist()}
    got: dict[int, set[str]] = {}
    for s in tables["stances"].to_pylist():
        got.setdefault(index[s["letter_id"]], set()).add(s["label"])
    assert got == {2: {"1", "2", "3", "5"}}



def test_a_reply_s_concern_label_over_its_own_words_is_its_answer(tmp_path, settings, nlp, lex, rec_rules):
    """A Trust answers a coroner's report concern by concern, "Concern 3: We are reviewing how ... and will decide
    on any changes once the regional review reports": the words after the label are the Trust's answer, in its own
    voice, not a quote of the concern (before, the answer was read as the concern and concern 3 was left
    unanswered)."""
    from pipeline.run import run_corpus
    report = ("REGULATION 28: REPORT TO PREVENT FUTURE DEATHS\n\nTHIS REPORT IS BEING SENT TO:\n"
              "Northgate Care Limited\nEastfield NHS Trust\n\n"
              "5 CORONER'S CONCERNS\n\nThe MATTERS OF CONCERN are as follows.\n\nA. To Northgate Care Limited\n\n"
              "1. Night staff did not carry out the two-hourly checks in his care plan.\n\n"
              "B. To the Eastfield NHS Trust\n\n"
              "1. Mr Dunmore waited four hours for pain relief in the emergency department.\n\n"
              "2. The falls risk assessment on admission did not take account of his delirium.\n\n"
              "3. Information about his anticoagulant was not handed over to the surgical team.\n\n"
              "6 ACTION SHOULD BE TAKEN\n\nIn my opinion action should be taken to prevent future deaths.\n\n"
              "9 Dated: 25 September 2024\n\nElaine Moss\nAssistant Coroner for Haxby Vale\n")
    first = ("\fNorthgate Care Limited\n3 Station Approach\nHaxby Vale HV2 8RT\n\n14 November 2024\n\nDear Madam\n\n"
             "Thank you for your report. We respond to the matter of concern addressed to us.\n\nConcern 1: All night "
             "staff have been retrained on care plan checks.\n\nYours faithfully\n\nJune Marsh\nManager\n")
    reply = ("\fEastfield NHS Trust\nEastfield General Hospital\nHaxby Vale HV5 1EG\n\n18 November 2024\n\n"
             "Dear Ms Moss\n\nThank you for your report dated 25 September 2024.\n\n"
             "Concern 1: The Trust accepts that the wait for pain relief was unacceptable. A nurse-led analgesia\n"
             "protocol was introduced in the emergency department on 1 November 2024.\n\n"
             "Concern 3: We are reviewing how anticoagulant information is handed over to surgical teams\n"
             "and will decide on any changes once the regional medicines safety review reports in 2025.\n\n"
             "Yours sincerely\n\nDr Lorna Baptiste\nChief Executive\n")
    text = report + first + reply
    seg = segment(text, lex)[-1]
    assert [r.stated for r in R.find_refs(text, seg, rec_rules) if r.label == "3"] == [False]
    (tmp_path / "pfd.txt").write_text(text, encoding="utf-8")
    got = {s["label"]: s["stance"] for s in run_corpus(tmp_path, settings, nlp).tables["stances"].to_pylist()}
    assert got.get("3") == "deferred"


@pytest.mark.parametrize(("passage", "cue"), [
    pytest.param("The Minister will take decisions on both recommendations when the consultation closes in "
                 "September.", "deferred:decide-later", id="will-take-decisions-on-both"),
    pytest.param("Mark will send the first quarterly return to the Committee by 31 October 2025.",
                 "accepted:dated-return", id="will-send-the-first-quarterly-return-by"),
    pytest.param("Most landlords now publish their repair times. Property managers have not yet done so.",
                 "partially_addressed:part-not-done", id="have-not-yet-done-so"),
    pytest.param("Ward staff completed the training in May, but no date has yet been set for the remaining staff.",
                 "partially_addressed:part-not-done", id="no-date-set-for-the-remaining-staff"),
    pytest.param("Two new posts were filled in June. Funding for further posts in the north has not been "
                 "identified.", "partially_addressed:part-not-done", id="funding-for-further-posts-not-identified"),
])
def test_decisions_to_come_dated_returns_and_parts_left_undone_are_cued(passage, cue, nlp, lex, settings):
    """Replies to committees and coroners: a decision still to be taken on both recommendations, a named
    officer's dated first return, and a part not done (the rest of staff, further posts) fired no cue before,
    so those words counted for nothing in the answer's stance."""
    assert cue in verdict(passage, nlp, lex, settings).cues


def test_a_system_that_does_not_support_a_feature_is_no_refusal(nlp, lex, settings):
    """A housing association's reply: "Our system does not support a portal" says what its software can do,
    not that the writer does not support the recommendation (before, it fired the refusal cue)."""
    cues = verdict("Our system does not support a portal for tenants, so repairs are reported by telephone.", nlp,
                   lex, settings).cues
    assert "rejected:do-not-accept" not in cues


# a file of replies only, the coroner's report not in it: a pharmacy's letter quoting its concerns, then a GP
# practice's e-mail to the same coroner
PHARMACY_THEN_SURGERY = (
    "Kestrel Pharmacy Ltd\n12 Mill Lane\nAshby Fold AF3 9LT\n\n3 March 2025\n\n"
    "Ms Helen Thornbury\nAssistant Coroner for Ashby Fold\n\nDear Ms Thornbury\n\n"
    "Inquest into the death of Mr Dennis Orrell\n\n"
    "Thank you for your report. I respond below to each of the concerns you raised with the pharmacy.\n\n"
    '1.  "The alert for the interacting medicine was overridden without a second check."\n\n'
    "Since April every override of an interaction alert needs a second pharmacist to sign it off.\n\n"
    '2.  "Patients collecting urgent prescriptions were not told how to take them."\n\n'
    "All staff have been trained to explain urgent prescriptions, and a leaflet is now given with each one.\n\n"
    "Yours sincerely\n\nAnita Cobb\nSuperintendent Pharmacist\nKestrel Pharmacy Ltd\n\n"
    "From: Dr Samuel Price <practice.manager@brookside.example.nhs.uk>\nSent: 10 March 2025 09:14\n"
    "To: Helen Thornbury <coroner@ashbyfold.example.gov.uk>\n"
    "Subject: Regulation 28 report - Mr Dennis Orrell\n\nDear Ms Thornbury\n\n"
    "Thank you for sending us your report. The partners have discussed Mr Orrell's death at a significant event "
    "meeting.\nWe have changed our repeat prescribing so that a GP reviews every request for a medicine that "
    "interacts with warfarin.\n\nKind regards\n\nDr Samuel Price\nSenior Partner, Brookside Surgery\n")


def test_a_second_body_s_letter_to_the_same_coroner_does_not_answer_the_first_reply(tmp_path, settings, nlp):
    """Replies to a coroner's report that is not in the file: the pharmacy quotes its two concerns ('1.  "..."')
    over its answers, then the GP practice writes to the same coroner about its own part, numbering nothing. The
    practice answers the coroner, not the pharmacy (before, its e-mail was linked as a reply to the pharmacy's
    letter and asked the pharmacy's concerns), and the pharmacy's quoted concerns are answered in turn."""
    from pipeline.run import run_corpus

    (tmp_path / "replies.txt").write_text(PHARMACY_THEN_SURGERY, encoding="utf-8")
    tables = run_corpus(tmp_path, settings, nlp).tables
    pharmacy, surgery = sorted(tables["letters"].to_pylist(), key=lambda r: r["index"])
    assert surgery["in_reply_to"] != pharmacy["letter_id"]
    evidence: dict[str, dict[str, str]] = {}
    for s in tables["stances"].to_pylist():
        evidence.setdefault(s["letter_id"], {})[s["label"]] = s["evidence"] or ""
    assert set(evidence.get(pharmacy["letter_id"], {})) == {"1", "2"}
    assert not {"1", "2"} & set(evidence.get(surgery["letter_id"], {}))
    assert "second pharmacist" in evidence[pharmacy["letter_id"]]["1"]
    assert "leaflet" in evidence[pharmacy["letter_id"]]["2"]


def _stances_by_letter(tmp_path, settings, nlp, text: str) -> list[dict[str, dict]]:
    """Each letter's stances, by label, in the order the letters come in the file."""
    from pipeline.run import run_corpus

    (tmp_path / "file.txt").write_text(text, encoding="utf-8")
    tables = run_corpus(tmp_path, settings, nlp).tables
    got: dict[str, dict[str, dict]] = {}
    for s in tables["stances"].to_pylist():
        got.setdefault(s["letter_id"], {})[s["label"]] = s
    return [got.get(r["letter_id"], {}) for r in sorted(tables["letters"].to_pylist(), key=lambda r: r["index"])]


def test_a_practice_s_firstly_that_paragraphs_answer_the_concerns_it_counts(tmp_path, settings, nlp):
    """A file holding only a GP practice's e-mail to the coroner, the report not in it: "Your report raised two
    concerns for the practice.", then "Firstly, that the clinician ..." and "Secondly, that the alert ...", each
    restating its concern before the partners' answer. The paragraphs answer concerns 1 and 2, and the restated
    concern is no part of 1's evidence (before, no ordinal was read and the e-mail was asked nothing)."""
    text = ("From: Dr Imogen Hale <practice.manager@larchfield.example.nhs.uk>\nSent: 14 April 2025 10:02\n"
            "To: Ruth Calloway <coroner@westmere.example.gov.uk>\nSubject: Regulation 28 report - Mrs Agnes Whitlow\n\n"
            "Dear Mrs Calloway\n\nThank you for your report following the inquest into the death of Mrs Agnes "
            "Whitlow. Your report raised two concerns for the practice.\n\n"
            "Firstly, that the clinician who saw Mrs Whitlow by telephone did not arrange for her to be examined in "
            "person. The partners have since agreed that any patient over seventy who reports a fall is offered a "
            "same-day appointment at the surgery.\n\n"
            "Secondly, that the alert on her record about her blood thinning medicine was not seen by the locum "
            "doctor. The practice will move such alerts to the top of the record screen from June, and every locum "
            "is now shown them at induction.\n\nKind regards\n\nDr Imogen Hale\nSenior Partner, Larchfield Surgery\n")
    (got,) = _stances_by_letter(tmp_path, settings, nlp, text)
    evidence = {lab: s["evidence"] or "" for lab, s in got.items()}
    assert set(evidence) == {"1", "2"}
    assert "same-day appointment" in evidence["1"]
    assert "Firstly" not in evidence["1"] and "did not arrange" not in evidence["1"]
    assert "top of the record screen" in evidence["2"] and "was not seen" not in evidence["2"]


def test_a_reply_that_counts_two_matters_and_answers_one_leaves_the_other_not_addressed(tmp_path, settings, nlp):
    """A file holding only a regulator's letter to the coroner: "Your report set out two matters of concern for the
    Council, numbered 1 and 2.", then "### Matter of concern 1: ..." and its answer, and nothing on the second.
    The count says what it was sent, so matter 2 is not addressed (before, the reply was asked only what it
    answered, and matter 2 went unrecorded)."""
    text = ("Veterinary Standards Council\n4 Quayside Row\nPortbury PB2 6ND\n\n2 June 2025\n\n"
            "Mr Owen Starling\nArea Coroner for Portbury and Hale\n\nDear Mr Starling\n\n"
            "Inquest into the death of Mr Colin Pryde\n\nThank you for your report of 7 April 2025. Your report set "
            "out two matters of concern for the Council, numbered 1 and 2.\n\n"
            "### Matter of concern 1: the guidance on storing sedatives in mobile clinics\n\n"
            "The Council has revised its guidance on storing controlled sedatives in mobile clinics. The new "
            "guidance was published on 1 May 2025 and requires a locked safe fixed to the vehicle.\n\n"
            "Yours sincerely\n\nDr Miriam Oduya\nRegistrar, Veterinary Standards Council\n")
    (got,) = _stances_by_letter(tmp_path, settings, nlp, text)
    assert set(got) == {"1", "2"}
    assert got["2"]["stance"] == "not_addressed"
    assert "revised its guidance" in (got["1"]["evidence"] or "")


def test_quotes_numbered_by_the_reply_are_keyed_by_the_report_s_concerns_they_quote(tmp_path, settings, nlp):
    """A coroner's report sends concern 1 to a care board and concerns 2 and 3 to a Trust, and says so; the
    Trust's reply quotes its two word for word under numbers of its own, '1.  "Mrs Ellis's swallowing ..."' and
    '2.  "The district nurses ..."'. Its stances are keyed 2 and 3, the concerns quoted (before, they were keyed
    1 and 2: the care board's concern took the Trust's first answer, and concern 3 was not addressed)."""
    concerns = ["There are not enough community nursing teams commissioned to visit housebound patients at weekends.",
                "Mrs Ellis's swallowing assessment was not repeated after her second stroke, although her family "
                "asked for it.",
                "The district nurses could not see the hospital's discharge notes on their own records system."]
    text = ("REGULATION 28: REPORT TO PREVENT FUTURE DEATHS\n\nTHIS REPORT IS BEING SENT TO:\n"
            "1. Fenwold Integrated Care Board\n2. Fenwold Community Health NHS Trust\n\n5 CORONER'S CONCERNS\n\n"
            "The MATTERS OF CONCERN are as follows. Concern 1 is for the Care Board; concerns 2 and 3 are for the "
            "Trust.\n\n" + "".join(f"{n}. {c}\n\n" for n, c in enumerate(concerns, 1))
            + "9 Dated: 3 March 2025\n\nPeter Lindqvist\nSenior Coroner for Fenwold\n\n"
            "Fenwold Community Health NHS Trust\nMarsh Road\nFenwold FW4 2QS\n\n25 April 2025\n\nDear Mr Lindqvist\n\n"
            "Thank you for your report. The Trust responds below to the two concerns you raised with it.\n\n"
            f'1.  "{concerns[1]}"\n\nEvery patient now has their swallowing reassessed by a speech therapist within '
            f'two days of any further stroke.\n\n2.  "{concerns[2]}"\n\nSince March the district nurses can read the '
            "hospital's discharge notes on a shared screen in their records system.\n\n"
            "Yours sincerely\n\nDr Alison Crewe\nChief Executive\n")
    report, trust = _stances_by_letter(tmp_path, settings, nlp, text)
    assert report == {}
    assert set(trust) == {"2", "3"}
    assert "speech therapist" in (trust["2"]["evidence"] or "")
    assert "shared screen" in (trust["3"]["evidence"] or "")


def test_each_body_a_concern_s_closing_tag_names_is_asked_only_its_own(tmp_path, settings, nlp):
    """A coroner's report as plain pdftotext gives it, no blank lines, sent to "Heronsgate Holiday Cottages Ltd
    ("the agency")" and "Saltmarsh District Council": its concerns close "(For the agency.)", "(For the
    council.)" and "(For the agency and the council.)", and each body replies. The agency is asked concerns 1
    and 3, the council 2 and 3 (before, the tags sent the concerns nowhere, and each reply was asked all three,
    the other body's concern not addressed)."""
    report = ("REGULATION 28: REPORT TO PREVENT FUTURE DEATHS\nTHIS REPORT IS BEING SENT TO:\n"
              '1. Heronsgate Holiday Cottages Ltd ("the agency")\n2. Saltmarsh District Council\n'
              "5 CORONER'S CONCERNS\nThe MATTERS OF CONCERN are as follows:\n"
              "The boiler in the cottage had not been serviced for three years, and the agency kept no record of\n"
              "which of its cottages had a gas safety certificate in date. (For the agency.)\n"
              "The council's licensing officers inspected the cottage in 2023 but did not check for a carbon\n"
              "monoxide alarm, which its licence conditions require. (For the council.)\n"
              "Guests are given no written advice about gas appliances, and neither the agency nor the council\n"
              "says whose task it is to provide it. (For the agency and the council.)\n"
              "6 ACTION SHOULD BE TAKEN\n"
              "In my opinion action should be taken to prevent future deaths.\n7 YOUR RESPONSE\n"
              "You are under a duty to respond to this report within 56 days.\n"
              "9 11 September 2024\nNadia Forsyth\nAssistant Coroner\n")
    agency = ("\fHeronsgate Holiday Cottages Ltd\n8 Harbour Street\nGull Point GP1 3EH\n30 October 2024\n"
              "Dear Ms Forsyth\nThank you for your report. As the agency that lets the cottage at Gull Point, we "
              "have acted on it.\nEvery boiler in our cottages has now been serviced, and we keep a register of gas "
              "safety\ncertificates. Every booking confirmation will include written advice on gas appliances.\n"
              "Yours sincerely\nCarl Wendover\nManaging Director\n")
    council = ("\fSaltmarsh District Council\nCouncil Offices\nSaltmarsh SM2 9PL\n4 November 2024\n"
               "Dear Ms Forsyth\nThank you for your report, which the council has considered. Our licensing "
               "officers now\ncheck for a working carbon monoxide alarm at every inspection of a holiday let. We "
               "will also\npublish advice for guests on gas appliances on the council's website.\n"
               "Yours sincerely\nHelen Marchbank\nChief Executive\n")
    got = _stances_by_letter(tmp_path, settings, nlp, report + agency + council)
    assert [set(s) for s in got] == [set(), {"1", "3"}, {"2", "3"}]


def test_a_reply_s_titles_with_the_report_s_paragraph_answer_that_paragraph_alone(tmp_path, settings, nlp):
    """A review body's letter numbers its recommendations by the paragraph, "4.22  We recommend ...", "5.9  We
    recommend ..." and "6.11  We recommend ...", and the minister's reply heads its answers with titles of its
    own, "Headline award (paragraph 4.22)" straight over its answer, and says nothing on 6.11: 6.11 is not
    addressed, and 4.22 is answered by its own section (before, the titles named nothing, 6.11 took an answer
    and 4.22's came from elsewhere in the reply)."""
    text = ("Armed Forces' Pay Review Body\nLondon WC1X 8AB\n\n2 June 2026\n\nDear Secretary of State,\n\n"
            "We attach our report on the pay of the armed forces for 2026-27. We have numbered our "
            "recommendations by the paragraph in which they appear, and would ask that the Government respond "
            "to each.\n\n"
            "4.21  Outflow of trained engineers rose for the third year running.\n\n"
            "4.22  We recommend a consolidated increase of 4 per cent to base pay for all ranks.\n\n"
            "5.9  We recommend that the Tornado payment for aircrew is raised to £9,000 a year.\n\n"
            "6.10  Charges for service family accommodation rose by 6 per cent last year.\n\n"
            "6.11  We recommend that the charges for service family accommodation are frozen for a year.\n\n"
            "Yours sincerely,\n\nAir Marshal (retd) Keith Lorimer\nChair\n"
            "\fDear Sir Keith,\n\nThank you for your letter of 2 June and for the Review Body's report.\n\n"
            "Headline award (paragraph 4.22)\n"
            "The Government accepts the headline award of 4 per cent, which will be paid from 1 April 2026.\n\n"
            "Tornado payment (paragraph 5.9)\n"
            "The Government will consider the aircrew payment further and will write to you in the autumn.\n\n"
            "I am grateful to the Review Body for its careful work this year.\n\n"
            "Yours sincerely,\n\nRt Hon Alys Brennan MP\nSecretary of State for Defence\n")
    _, reply = _stances_by_letter(tmp_path, settings, nlp, text)
    assert reply["6.11"]["stance"] == "not_addressed"
    assert "headline award of 4 per cent" in (reply["4.22"]["evidence"] or "")
    assert "aircrew payment" not in (reply["4.22"]["evidence"] or "")


def test_a_table_s_column_heads_answer_nothing_the_table_leaves_out(tmp_path, settings, nlp):
    """A Trust's reply to a letter coding its recommendations R1 to R3 says "Your letter makes three
    recommendations to the Trust, R1 to R3." and answers in a tab table, "Concern<tab>Status<tab>Response
    <tab>Owner<tab>Target date", rows for R1 and R2 only: R3 is not addressed, and no answer is a column head
    (before, "Owner" and "Target date" were taken as the answer to R3)."""
    text = ("Healthwatch Ardley\nArdley AR1 4BT\n\n3 March 2026\n\nDear Ms Caine,\n\n"
            "Following our visits to the wards at Ardley General Hospital, we make three recommendations to the "
            "Trust:\n\n"
            "R1 The Trust should offer every patient a hot meal in the evening.\n\n"
            "R2 The Trust should display the visiting times at each ward entrance.\n\n"
            "R3 The Trust should give patients a written guide to the discharge lounge.\n\n"
            "We would be grateful for your response within 20 working days.\n\n"
            "Yours sincerely,\n\nOwen Pryce\nChief Officer, Healthwatch Ardley\n"
            "\fDear Mr Pryce,\n\nThank you for your letter of 3 March 2026 about your visits.\n\n"
            "Your letter makes three recommendations to the Trust, R1 to R3. Our response is set out below.\n\n"
            "Concern\tStatus\tResponse\tOwner\tTarget date\n"
            "R1\tComplete\tA hot evening meal is now offered on every ward.\tHead of Catering\tMarch 2026\n"
            "R2\tIn progress\tNew signs with visiting times are being fitted.\tEstates Manager\tMay 2026\n\n"
            "Yours sincerely,\n\nHelen Caine\nChief Executive\n")
    _, got = _stances_by_letter(tmp_path, settings, nlp, text)
    assert got["R3"]["stance"] == "not_addressed"
    assert not {"Owner", "Target date"} & {(s["evidence"] or "").strip() for s in got.values()}


def test_a_heading_left_in_its_place_answers_the_recommendation_left_in_its_place(tmp_path, settings, nlp):
    """A council's letter makes six numbered recommendations; the club's reply answers by headings of its own in
    their order: the first two, then "Young people into jobs", whose section shares only "apprentices" and
    "wards" with the third, then the fourth and the sixth, and nothing on the fifth. The third is answered by
    its section and the fifth is not addressed (before, the heading left in its place answered nothing, and the
    third was not addressed)."""
    text = ("Westbury Borough Council\nTown Hall\nWestbury WB1 1AA\n\n3 February 2026\n\n"
            "Dear Mr Hollins,\n\nThe planning committee has considered the plans for the new stadium at Westgate "
            "and makes six recommendations to the club:\n\n"
            "1. The club should publish a traffic management plan for match days before the stadium opens.\n\n"
            "2. The club should fund a new footbridge over the railway at Mill Lane.\n\n"
            "3. The club should recruit apprentices from the wards nearest the site throughout the building "
            "works.\n\n"
            "4. The club should plant a screen of trees along the boundary with Orchard Close.\n\n"
            "5. The club should monitor noise at the nearest houses during evening concerts.\n\n"
            "6. The club should report its progress to the planning committee every six months.\n\n"
            "Yours sincerely,\n\nMeera Doshi\nHead of Planning\n"
            "\fWestgate Athletic Football Club\nWestbury WB4 9GG\n\n2 March 2026\n\nDear Ms Doshi,\n\n"
            "Thank you for your letter of 3 February 2026 about the Westgate stadium. I respond below under "
            "our own headings.\n\n"
            "Traffic management on match days\n\n"
            "The traffic management plan was published on 20 February and the police have approved it.\n\n"
            "The Mill Lane footbridge\n\n"
            "We will fund the footbridge in full, and work on it will begin in the autumn.\n\n"
            "Young people into jobs\n\n"
            "Forty apprentices have started with our contractor, all of them living in the local wards.\n\n"
            "Tree planting at Orchard Close\n\n"
            "A screen of two hundred trees was planted along the boundary in February.\n\n"
            "Reporting progress\n\n"
            "We will report to the planning committee each March and September.\n\n"
            "Yours sincerely,\n\nDavid Hollins\nChief Executive\n")
    _, got = _stances_by_letter(tmp_path, settings, nlp, text)
    assert "Forty apprentices" in (got["3"]["evidence"] or "")
    assert got["5"]["stance"] == "not_addressed"


def test_it_is_not_our_intention_declines(nlp, lex, settings):
    """A pay review's reply that did two zones says "It is not our intention to widen the exercise to the
    remaining zones.": the part left undone is declined (before, no cue fired, and the model guessed)."""
    assert "rejected:no-plans" in verdict("It is not our intention to widen the exercise to the remaining zones.",
                                          nlp, lex, settings).cues


def test_concluding_that_neither_change_can_be_made_declines_both_with_no_part_left_undone(nlp, lex, settings):
    """"Having done so, we have concluded that we are not able to make either change to the fee scale." refuses
    both changes the recommendation asks for, as "concluded that we should not" does: rejected, with no "part not
    done" read into it (before, "we are not able to make" read as one part left undone, and it was partial)."""
    v = verdict("The Board has looked closely at both proposals. Having done so, we have concluded that we are not "
                "able to make either change to the fee scale.", nlp, lex, settings)
    assert v.label is J and "partially_addressed:part-not-done" not in v.cues, v.cues


def test_one_change_made_and_the_other_not_able_to_be_made_yet_is_still_partial(nlp, lex, settings):
    """The guard: "We have removed the booking fee for under-18s. We are not able to make the second change, to the
    evening rate, until the new contract starts in April." does one thing and leaves the other undone: partial,
    with the part not done read (only "not able to make either" change refuses the whole)."""
    v = verdict("We have removed the booking fee for under-18s. We are not able to make the second change, to the "
                "evening rate, until the new contract starts in April.", nlp, lex, settings)
    assert v.label is P and "partially_addressed:part-not-done" in v.cues, v.cues


def test_noted_over_whose_decision_it_is_and_a_plan_it_does_not_have_is_still_refused(nlp, lex, settings):
    """The guard: "Noted." over "It is for each parish council to decide how its share of the grant is spent, and
    we have no plans to set conditions on it." says whose decision it is and then declines what was asked: the
    refusal the "noted, then declined" rule looks for is there, and the recommendation is rejected."""
    v = verdict("Noted.\n\nIt is for each parish council to decide how its share of the grant is spent, and we have "
                "no plans to set conditions on it.", nlp, lex, settings)
    assert v.label is J and "rejected:noted-then-declined" in v.cues, v.cues


def test_not_able_to_make_any_change_until_a_date_is_still_read_as_a_part_left_undone(nlp, lex, settings):
    """"We are not able to make any change to the timetable until the new contract starts in 2027." says what is
    not done yet and when it can be: the part-not-done cue still fires (only "either change", both of two, refuses
    the whole), so the answer is not left with no cue at all and read as noted."""
    v = verdict("We are not able to make any change to the timetable until the new contract starts in 2027.",
                nlp, lex, settings)
    assert "partially_addressed:part-not-done" in v.cues and v.label is not N, (v.label, v.cues)



def test_no_change_will_be_made_on_its_own_refuses_the_recommendation(nlp, lex, settings):
    """"No change will be made to the guidance." says the guidance stays as it is: what was asked will not be done,
    and the answer is rejected (before, no cue fired and it was only noted)."""
    v = verdict("No change will be made to the guidance.", nlp, lex, settings)
    assert v.label is J and "rejected:will-not-act" in v.cues, v.cues


def test_no_change_until_a_decision_due_in_the_spring_waits_for_it_and_refuses_nothing(nlp, lex, settings):
    """The guard: "We will decide in the spring. Until then no change will be made to the existing system." holds
    the change back only until the decision, "then" naming it: deferred, and not a refusal weighed against the
    wait into partial (the refusal "no change will be made" reads as one only where nothing holds it)."""
    v = verdict("We will decide in the spring. Until then no change will be made to the existing system.",
                nlp, lex, settings)
    assert v.label is D and not any(c.startswith("rejected:") for c in v.cues), (v.label, v.cues)


def test_a_refusal_held_until_then_after_a_decision_in_the_spring_is_deferred(nlp, lex, settings):
    """"We will decide in the spring. Until then we will not change the existing system." refuses nothing for
    good: the refusal holds until the decision "then" names, so the answer is deferred (before, the refusal and the
    decision to come were weighed against each other into partial)."""
    v = verdict("We will decide in the spring. Until then we will not change the existing system.",
                nlp, lex, settings)
    assert v.label is D and "deferred:not-until:will-not-act" in v.cues, (v.label, v.cues)


def test_deferring_a_decision_until_an_options_appraisal_has_been_completed_is_deferred(nlp, lex, settings):
    """A cabinet's minute "Defers a decision on recommendation 3 until the options appraisal has been completed and
    reported to Cabinet." puts the decision off: deferred, not accepted (before, "has been completed" read as work
    done, and the recommendation was accepted)."""
    v = verdict("Defers a decision on recommendation 3 until the options appraisal has been completed and reported "
                "to Cabinet.", nlp, lex, settings)
    assert v.label is D, (v.label, v.cues)


def test_no_change_until_a_date_a_change_starts_on_awaits_no_decision_and_is_not_deferred(nlp, lex, settings):
    """"Extended visiting starts on all three wards on 1 September 2025. Until then no change will be made to the
    present hours." says when the change comes: "then" is a date, not a decision still to be made, so nothing is
    put off and nothing refused; the answer is not deferred (before, "until then" held the refusal for a decision
    no sentence names, and the answer read as put off)."""
    v = verdict("Extended visiting starts on all three wards on 1 September 2025. Until then no change will be made "
                "to the present hours.", nlp, lex, settings)
    assert v.label is not D, (v.label, v.cues)
    assert not any(c.startswith(("deferred:", "rejected:")) for c in v.cues), v.cues


def test_no_change_until_the_board_decides_in_march_is_still_held_for_that_decision(nlp, lex, settings):
    """The guard: "The Board will decide in March. Until then no change will be made to the rota." names the
    decision in the sentence before, and "then" stands for it: the refusal is held until the decision, deferred,
    and read as such (not dropped as a date awaited, nor left a refusal weighed against the wait into partial)."""
    v = verdict("The Board will decide in March. Until then no change will be made to the rota.", nlp, lex, settings)
    assert v.label is D and "deferred:not-until:will-not-act" in v.cues, (v.label, v.cues)
    assert not any(c.startswith("rejected:") for c in v.cues), v.cues


def test_a_refusal_before_until_then_with_no_decision_named_still_refuses_that_part(nlp, lex, settings):
    """"We do not have a plan to replace that system before 2028, and until then staff there will rely on the paper
    chart": the "then" after the refusal is a date, no decision awaited, and the refusal stands; beside what was
    done it makes the answer partial (before this, the refusal was dropped as a date awaited and the answer read as
    done in full)."""
    v = verdict("Agreed. The electronic record now prompts hourly observations after every dose. The other site "
                "uses a different record system in which the prompt cannot be built. We do not have a plan to "
                "replace that system before 2028, and until then staff there will rely on the paper chart.",
                nlp, lex, settings)
    assert any(c.startswith("rejected:") for c in v.cues), v.cues
    assert v.label is not D, (v.label, v.cues)


@pytest.mark.parametrize(("passage", "expected", "cue"), [
    pytest.param("Council position: Not supported", J, "rejected:label-rejected", id="not-supported"),
    pytest.param("Council position: Supported in part", P, "partially_addressed:label-partial",
                 id="supported-in-part"),
    pytest.param("Council position: Further work needed", D, "deferred:label-deferred", id="further-work-needed"),
    pytest.param("Officials will need to discuss the volume of cases with the Chamber before a decision can be taken.",
                 D, "deferred:not-yet-decided", id="before-a-decision-can-be-taken"),
    pytest.param("Estates have added a weekly functional check of the lights.", A, "accepted:has-done",
                 id="have-added"),
])
def test_status_words_in_support_s_terms_decisions_to_come_and_things_added_are_read(passage, expected, cue, nlp,
                                                                                   lex, settings):
    """A council's form says its position in support's terms, "Council position: Not supported", "Supported in
    part", "Further work needed"; a department says officials must talk to the Chamber "before a decision can be
    taken"; a trust says "Estates have added a weekly functional check of the lights". A user relies on each being
    read for the stance it states: rejected, partial (as the status it is), deferred, deferred and accepted (before,
    each was only noted, or, for "Supported in part", partial from its wording alone and not as a status)."""
    v = verdict(passage, nlp, lex, settings)
    assert v.label is expected and cue in v.cues, (v.label, v.cues)


@pytest.mark.parametrize("passage", [
    pytest.param("Where we propose to withdraw a service, we will hold a drop-in session in the area before a final "
                 "decision is taken.", id="process-before-a-decision-is-taken"),
    pytest.param("I will write to you again once the new service has been running for a year.", id="write-again-once"),
])
def test_a_promise_to_consult_before_deciding_or_to_write_again_puts_nothing_off(passage, nlp, lex, settings):
    """The guard: a body that promises a drop-in "before a final decision is taken" on each future withdrawal
    describes its process, and "I will write to you again once ..." closes many letters whatever they decided.
    Neither is read as a decision still to come (only "before a decision can be taken" is)."""
    v = verdict(passage, nlp, lex, settings)
    assert "deferred:not-yet-decided" not in v.cues and "deferred:full-reply-to-come" not in v.cues, v.cues


@pytest.mark.parametrize(("line", "cue"), [
    pytest.param("Accepted: recommendations 1, 2 and 6", "label-accepted", id="accepted-three"),
    pytest.param("* not accepted: recommendation 5", "label-rejected", id="bulleted-not-accepted"),
    pytest.param("Deferred - recommendations 3 and 4", "label-deferred", id="deferred-two"),
    pytest.param("Defer", "label-deferred", id="defer-alone"),
])
def test_a_status_line_that_names_the_labels_it_covers_fires_its_label_cue(line, cue, lex):
    """A summary gives each status once with the recommendations it covers, "Accepted: recommendations 1, 2 and 6",
    "* not accepted: recommendation 5", "Deferred - recommendations 3 and 4", and a council's table answers "Defer"
    alone in its response cell. A user relies on each line being read as the status it states, its label cue firing
    (before, none fired: the labels after the status kept the line from matching, and "Defer" was no deferral)."""
    from pipeline.stages.stance import sentence_cues

    assert cue in [c.name for c, _ in sentence_cues(line, lex)]


@pytest.mark.parametrize("line", [
    pytest.param("Accepted: the government will consider it", id="status-then-prose"),
    pytest.param("Accepted: recommendations 1, 2 and 6 will be funded next year", id="labels-then-prose"),
])
def test_a_status_word_over_a_sentence_is_no_status_label(line, lex):
    """The guard: "Accepted: the government will consider it" puts a status word before a sentence that says
    something else, and "Accepted: recommendations 1, 2 and 6 will be funded next year" runs on past its labels. A
    user relies on neither firing label-accepted (only a status followed by nothing but the labels it covers is a
    status line)."""
    from pipeline.stages.stance import sentence_cues

    assert "label-accepted" not in [c.name for c, _ in sentence_cues(line, lex)]


# ---- guards for round 95's mends

@pytest.mark.parametrize(("passage", "expected", "cue"), [
    pytest.param("We have looked at this again and we are not going to be putting our own engineer on site; the "
                 "contractor's engineer will stay responsible for the lifts.", J, "rejected:will-not-be-doing",
                 id="not-going-to-be-putting"),
    pytest.param("The current contracts with the bus operators do not require an annual refresher for drivers, and "
                 "adding one would need the operators' agreement. We will consider whether to seek that change when "
                 "the contracts are next varied in 2026.", D, "deferred:will-consider", id="contracts-do-not-require"),
])
def test_not_going_to_be_doing_refuses_and_what_a_contract_does_not_require_refuses_nothing(passage, expected, cue,
                                                                                           nlp, lex, settings):
    """"We are not going to be putting our own engineer on site" refuses as "we will not be putting" does; "The
    current contracts ... do not require an annual refresher ... We will consider whether to seek that change when
    the contracts are next varied" states what a contract says today and puts the decision off. A user relies on
    the first being rejected and the second deferred (before, the first took no position and the second was
    rejected, "do not require" read as a refusal to require)."""
    v = verdict(passage, nlp, lex, settings)
    assert v.label is expected and cue in v.cues, (v.label, v.cues)
    assert "rejected:will-not-act" not in v.cues, v.cues


def test_not_going_to_be_doing_it_alone_is_no_refusal(nlp, lex, settings):
    """"We are not going to be doing this alone. The group will be set up jointly with the ICB ..." promises the
    work with company. A user relies on it not being read as a refusal (before, "not going to be doing" was
    read as "will not be doing")."""
    v = verdict("We are not going to be doing this alone. The group will be set up jointly with the ICB, and its "
                "first meeting is booked for 17 June 2025.", nlp, lex, settings)
    assert "rejected:will-not-be-doing" not in v.cues and v.label is not J, (v.label, v.cues)


# ---- round 99's mends (lexicon): guards (each fails on its mend's parent) and negatives (the near-misses each must
# leave), read through the whole pipeline

def _answer_stances(tmp_path, settings, nlp, letter: str, reply: str) -> dict[str, str]:
    """Each recommendation's stance in the reply, where ``letter`` and ``reply`` are one file of a corpus run."""
    from pipeline.run import run_corpus

    (tmp_path / "thread.txt").write_text(letter + reply, encoding="utf-8")
    tables = run_corpus(tmp_path, settings, nlp).tables
    replies = {r["letter_id"] for r in tables["letters"].to_pylist() if r["kind"] == "reply"}
    return {s["label"]: s["stance"] for s in tables["stances"].to_pylist() if s["letter_id"] in replies}


_PATROLS_LETTER = ("Dear Minister,\n\n"
                   "The Panel's review of school crossing patrols is complete. We make three recommendations.\n\n"
                   "1. The Department should publish national guidance on school crossing patrols.\n\n"
                   "2. Local authorities should keep a patrol at every crossing on a main road.\n\n"
                   "3. Local authorities should recruit volunteers to cover patrols during staff absence.\n\n"
                   "I should be grateful for your response by 30 June.\n\n"
                   "Yours sincerely,\n\nHelen Marsh\nChair of the Panel\n\n")


def _patrols_reply(on_two_and_three: str) -> str:
    return ("Dear Ms Marsh,\n\nThank you for the Panel's review of school crossing patrols.\n\n"
            "Recommendation 1\n\nWe accept this recommendation. The guidance will be published in September.\n\n"
            f"Recommendations 2 and 3\n\n{on_two_and_three}\n\nYours sincerely,\n\nOwen Pritchard MP\n")


def test_having_taken_no_view_on_recommendations_for_others_notes_them(tmp_path, settings, nlp):
    """A minister answers two recommendations made to local authorities: "It is for each authority to decide how to
    respond to them and we have not taken a view on them." A user relies on 2 and 3 being noted, the minister taking
    no position (before, saying whose decision it is read as a refusal, and both were rejected)."""
    got = _answer_stances(tmp_path, settings, nlp, _PATROLS_LETTER, _patrols_reply(
        "These recommendations are addressed to local authorities. It is for each authority to decide how to respond "
        "to them and we have not taken a view on them."))
    assert (got.get("2"), got.get("3")) == ("noted", "noted"), got


def test_taking_the_view_that_they_duplicate_duties_and_not_accepting_them_rejects(tmp_path, settings, nlp):
    """The negative: "We take the view that these recommendations would duplicate the duties local authorities
    already have, and we do not accept them." A user relies on 2 and 3 being rejected, as before (taking a view is
    not taking none)."""
    got = _answer_stances(tmp_path, settings, nlp, _PATROLS_LETTER, _patrols_reply(
        "We take the view that these recommendations would duplicate the duties local authorities already have, and "
        "we do not accept them."))
    assert (got.get("2"), got.get("3")) == ("rejected", "rejected"), got


def test_a_promise_to_take_a_view_later_still_defers(tmp_path, settings, nlp):
    """The negative: "The Department will consider these recommendations in March and will take a view on them
    then." A user relies on 2 and 3 being deferred, as before round 99 (a view still to be taken is a decision put
    off, not a view declined). At a5f6277 this failed, "will take a view on them" firing noted:no-view and the answer
    read as accepted; e6e7ab3 narrowed the cue, and it passes again."""
    got = _answer_stances(tmp_path, settings, nlp, _PATROLS_LETTER, _patrols_reply(
        "The Department will consider these recommendations in March and will take a view on them then."))
    assert (got.get("2"), got.get("3")) == ("deferred", "deferred"), got


_LEISURE_LETTER = ("Dear Councillor Pryce,\n\n"
                   "The Scrutiny Committee has completed its review of the Council's leisure centres. It makes two "
                   "recommendations to Cabinet.\n\n"
                   "1. Cabinet should offer community groups a discount on the hire of sports halls.\n\n"
                   "2. Cabinet should extend the opening hours of the Brynmawr pool on Sundays.\n\n"
                   "I should be grateful for Cabinet's response by 30 June.\n\n"
                   "Yours sincerely,\n\nCllr Alun Rees\nChair, Scrutiny Committee\n\n")


def _leisure_reply(on_one: str) -> str:
    return ("Dear Councillor Rees,\n\nThank you for the Committee's review of the leisure centres.\n\n"
            f"Recommendation 1\n\n{on_one}\n\n"
            "Recommendation 2\n\nAgreed. The pool has opened until 6pm on Sundays since May.\n\n"
            "Yours sincerely,\n\nCllr Mair Pryce\nCabinet Member for Leisure\n")


def test_agreed_but_left_to_the_next_fees_review_with_no_decision_now_defers(tmp_path, settings, nlp):
    """A council's cabinet answers "Agreed." and goes on: "The proposal will therefore be considered as part of the
    2026/27 fees and charges review. No decision on the level of discount is being taken now." A user relies on 1
    being deferred (before, neither sentence fired a cue, "therefore" standing between "will" and "be", and the
    status word alone made 1 accepted)."""
    got = _answer_stances(tmp_path, settings, nlp, _LEISURE_LETTER, _leisure_reply(
        "Agreed. Cabinet sees merit in a discount for community groups. The proposal will therefore be considered as "
        "part of the 2026/27 fees and charges review. No decision on the level of discount is being taken now."))
    assert got.get("1") == "deferred", got


def test_no_decision_now_needed_after_one_taken_leaves_an_answer_accepted(tmp_path, settings, nlp):
    """The negative: "Agreed. The discount for community groups took effect on 1 April. The decision was taken by
    Cabinet in March, and no decision is now needed from the Committee." A user relies on 1 staying accepted, as
    before (no decision is needed because one was made)."""
    got = _answer_stances(tmp_path, settings, nlp, _LEISURE_LETTER, _leisure_reply(
        "Agreed. The discount for community groups took effect on 1 April. The decision was taken by Cabinet in "
        "March, and no decision is now needed from the Committee."))
    assert got.get("1") == "accepted", got


def test_applications_to_a_running_scheme_considered_in_ten_days_leave_it_accepted(tmp_path, settings, nlp):
    """The negative: "Agreed. The discount scheme for community groups started in April, and every application will
    therefore be considered within ten working days." A user relies on 1 staying accepted, as it was before round
    99 (what is considered is each application to a scheme already running, not the recommendation)."""
    got = _answer_stances(tmp_path, settings, nlp, _LEISURE_LETTER, _leisure_reply(
        "Agreed. The discount scheme for community groups started in April, and every application will therefore be "
        "considered within ten working days."))
    assert got.get("1") == "accepted", got


# ---- round 99's review mends (lexicon): guards, each failing at a5f6277

@pytest.mark.parametrize(("passage", "expected"), [
    pytest.param("We have looked again at the case for a minor injuries unit at Hollin Bridge. No decisions are being "
                 "taken now about a minor injuries unit, and we have no plans to open one.", J, id="declines"),
    pytest.param("We have changed the discharge procedure. No decision to discharge is made at present without the "
                 "consultant's signature.", A, id="describes-a-procedure"),
])
def test_no_decision_now_that_declines_or_describes_a_procedure_is_no_deferral(passage, expected, nlp, lex, settings):
    """"No decisions are being taken now about a minor injuries unit, and we have no plans to open one." declines,
    and "No decision to discharge is made at present without the consultant's signature." says how a changed
    procedure works. A user relies on the first being rejected and the second accepted (at a5f6277, "no decision
    ... now / at present" read as a decision put off: the first was partially_addressed, the second deferred)."""
    v = verdict(passage, nlp, lex, settings)
    assert v.label is expected, (v.label, v.cues)


def test_a_view_to_be_taken_when_a_consultation_closes_defers(nlp, lex, settings):
    """An integrated care board answers a coroner's concern: "A follow-up service would cost about £400,000 a year.
    The Board will take a view on this when the consultation on its mental health strategy closes in March 2026." A
    user relies on the answer being deferred, a view still to be taken (at a5f6277, "take a view on this" fired the
    cue for taking no view, and the answer was noted)."""
    v = verdict("A follow-up service would cost about £400,000 a year. The Board will take a view on this when the "
                "consultation on its mental health strategy closes in March 2026.", nlp, lex, settings)
    assert v.label is D, (v.label, v.cues)


# ---- round 100's mends (lexicon): guards, each failing on its mend's parent, and negatives passing on both

@pytest.mark.parametrize("passage", [
    pytest.param("The existing controls on lone working at our depots are sufficient, and every driver already "
                 "carries a personal alarm.", id="existing-controls-sufficient"),
    pytest.param("We have considered this recommendation with care. The current arrangements for checking ladders "
                 "remain adequate.", id="current-arrangements-remain-adequate"),
    pytest.param("Every driver carries a personal alarm, and a check-in system is in place at all depots. We consider "
                 "that these arrangements are sufficient.", id="in-place-given-as-the-reason"),
])
def test_saying_the_current_arrangements_are_sufficient_declines(passage, nlp, lex, settings):
    """A depot operator answers that its existing controls or arrangements are sufficient or remain adequate: it
    declines to do more. A user relies on the answer being rejected (at 746cf36 no cue read the refusal: the first
    two were partially_addressed, and what is "in place", given as the reason for declining, made the third
    accepted)."""
    v = verdict(passage, nlp, lex, settings)
    assert v.label is J, (v.label, v.cues)


@pytest.mark.parametrize(("passage", "expected"), [
    pytest.param("We will consider whether the current arrangements for checking ladders are sufficient once the "
                 "national review has reported next year.", D, id="will-consider-whether"),
    pytest.param("The Board will decide in the new year whether the existing safeguards are adequate.", D,
                 id="will-decide-whether"),
    pytest.param("A working group will look at whether the present procedures are sufficient and will report in the "
                 "autumn; we will then decide what further action to take.", D, id="working-group-looks-at-whether"),
    pytest.param("A check-in system is now in place at all depots.", A, id="in-place-without-a-refusal"),
])
def test_asking_whether_arrangements_are_sufficient_or_saying_what_is_in_place_is_no_refusal(
        passage, expected, nlp, lex, settings):
    """Negative: a reply that will find out "whether the current arrangements are sufficient" puts the decision off,
    and one that says a system "is now in place" has acted. A user relies on the first three staying deferred and
    the last accepted, before and after the sufficiency cue and the reading of "in place" as existing provision."""
    v = verdict(passage, nlp, lex, settings)
    assert v.label is expected, (v.label, v.cues)


@pytest.mark.parametrize("passage", [
    pytest.param("We are not yet confident that the figures held in our current systems are sufficient to publish.",
                 id="not-yet-confident"),
    pytest.param("The Trust is not yet sure that its existing processes are sufficient to catch every missed dose.",
                 id="not-yet-sure"),
    pytest.param("We are not yet confident that the records in our existing systems are robust enough to share with "
                 "families every month.", id="robust-enough"),
])
def test_doubting_that_current_systems_are_sufficient_is_no_refusal(passage, nlp, lex, settings):
    """A trust doubts its own systems: "not yet confident that the figures held in our current systems are sufficient".
    It does not say its arrangements are enough. A user relies on the answer not being read as a refusal (at
    f23cec7 the sufficiency cue fired on the doubt, and each was rejected)."""
    v = verdict(passage, nlp, lex, settings)
    assert v.label is not J and "rejected:arrangements-sufficient" not in v.cues, (v.label, v.cues)


@pytest.mark.parametrize("passage", [
    pytest.param("We are confident that the existing safeguards at the level crossing are sufficient, and no further "
                 "barrier is needed.", id="confident"),
    pytest.param("Having reviewed the evidence, we are satisfied that our current procedures for checking ladders "
                 "remain adequate.", id="satisfied"),
])
def test_confidence_that_the_current_arrangements_are_sufficient_still_declines(passage, nlp, lex, settings):
    """Negative: "we are confident" or "we are satisfied" that the existing safeguards are sufficient is no doubt
    but a refusal to do more. A user relies on it staying rejected once doubting words ("not yet confident",
    "not satisfied") no longer fire the cue."""
    v = verdict(passage, nlp, lex, settings)
    assert v.label is J, (v.label, v.cues)


_TOWER_RECS = ["Hire companies should give every customer a printed guide to putting up a mobile tower.",
               "Hire companies should lend outriggers free of charge with every tower over four metres.",
               "Hire companies should fix an inspection tag to the frame of every tower they hire out."]


def _tower_stances(tmp_path, settings, nlp, answers: list[str]) -> dict[str, str]:
    """Each recommendation's stance where a sheriff's letter of three recommendations and a trade federation's
    reply answering them in turn, ``answers``, are the only file of a corpus run."""
    from pipeline.run import run_corpus

    letter = ("Dear Chief Executive,\n\nFollowing the inquiry into the death of Mr Duncan Fleck, who fell from a "
              "mobile tower at a school in Perth, I make the following recommendations.\n\n"
              + "".join(f"{i}. {r}\n\n" for i, r in enumerate(_TOWER_RECS, 1))
              + "I would be grateful for your response within eight weeks.\n\nYours sincerely,\n\n"
              "Sheriff Isla Munro\n\n")
    reply = ("Dear Sheriff Munro,\n\nThank you for your letter about the death of Mr Fleck. Our answers to your "
             "recommendations follow.\n\n" + "".join(f"Recommendation {i}\n\n{a}\n\n" for i, a in enumerate(answers, 1))
             + "Yours sincerely,\n\nAlan Drysdale\nChief Executive\n")
    (tmp_path / "response.txt").write_text(letter + reply, encoding="utf-8")
    return {s["label"]: s["stance"] for s in run_corpus(tmp_path, settings, nlp).tables["stances"].to_pylist()}


def test_a_body_acknowledging_by_its_acronym_only_notes(tmp_path, settings, nlp):
    """A trade federation answers a sheriff: "PASMA acknowledges this recommendation. Its members will discuss a
    printed guide at their spring meeting." It takes no position. A user relies on it being noted, the third
    (accepted) unchanged (at 70fa52d the acknowledgement cue knew no acronym, and the model read it as accepted).
    ("Recognises the importance of" was a cue of its own for a while; a review found it outweighing what had been
    done, so it went.)"""
    got = _tower_stances(tmp_path, settings, nlp, [
        "PASMA acknowledges this recommendation. Its members will discuss a printed guide at their spring meeting.",
        "The Federation recognises the importance of outriggers on taller towers.",
        "The Federation accepts this recommendation. Every tower has carried an inspection tag since January."])
    assert got["1"] == "noted" and got["3"] == "accepted", got


@pytest.mark.parametrize("answer", [
    pytest.param("The Federation recognises the importance of inspection tags and will fix one to every tower it "
                 "hires out from June.", id="recognises-importance-and-commits"),
    pytest.param("The Board notes that it has already done this: every tower has carried an inspection tag since "
                 "January.", id="board-notes-it-has-done-it"),
    pytest.param("The Board notes the recommendation and has already fixed an inspection tag to every tower in its "
                 "fleet.", id="board-notes-the-recommendation-and-has-done-it"),
])
def test_noting_or_recognising_importance_beside_what_is_done_still_accepts(answer, tmp_path, settings, nlp):
    """Negative: a federation that recognises the importance of tags and commits to fit them from June, or whose
    Board notes that it has already done what was asked, has acted (FORMAT.md: accepted, "has been done in full").
    A user relies on the answer staying accepted with the acknowledgement cue widened to a board and to
    "recognises the importance of"."""
    got = _tower_stances(tmp_path, settings, nlp, [
        "The Federation accepts this recommendation. A printed guide now goes out with every tower.",
        "The Federation accepts this recommendation. Outriggers have been lent free with every tall tower since May.",
        answer])
    assert got.get("3") == "accepted", got


# ---- round 100's review mends (lexicon): guards, each failing on its mend's parent, and negatives

@pytest.mark.parametrize("passage", [
    pytest.param("We will commission an audit of our lone working procedures to ensure that they are sufficient for "
                 "drivers on night shifts.", id="to-ensure"),
    pytest.param("We accept this recommendation and will rewrite our lone working arrangements so that the "
                 "arrangements are adequate for drivers on night shifts.", id="so-that"),
    pytest.param("You asked us to confirm that the current arrangements for checking ladders are sufficient. We have "
                 "now replaced every ladder older than five years.", id="asked-to-confirm"),
])
def test_sufficiency_as_the_aim_of_new_work_or_as_the_question_asked_is_no_refusal(passage, nlp, lex, settings):
    """A depot operator commits to audit its procedures "to ensure that they are sufficient", to rewrite its
    arrangements "so that the arrangements are adequate", or quotes the question it was asked and says what it has
    since done. A user relies on each answer being accepted (at 9ccb3b7 "the arrangements are sufficient" read as a
    refusal wherever it stood, and each answer was partially addressed)."""
    v = verdict(passage, nlp, lex, settings)
    assert v.label is A and "rejected:arrangements-sufficient" not in v.cues, (v.label, v.cues)


def test_a_board_noting_a_fact_about_what_is_done_is_no_bare_acknowledgement(tmp_path, settings, nlp):
    """A trade federation answers a sheriff's third recommendation: "The Board notes that every tower it hires out has
    carried an inspection tag since January." It reports what is done, not that it has read the recommendation. A
    user relies on the answer being accepted (at 9ccb3b7 a board that "notes" anything acknowledged, and it was
    noted)."""
    got = _tower_stances(tmp_path, settings, nlp, [
        "The Federation accepts this recommendation. A printed guide now goes out with every tower.",
        "The Federation accepts this recommendation. Outriggers have been lent free with every tall tower since May.",
        "The Board notes that every tower it hires out has carried an inspection tag since January."])
    assert got.get("3") == "accepted", got


@pytest.mark.parametrize(("passage", "expected"), [
    pytest.param("Our current arrangements for inspecting the swings are sufficient, and we do not intend to change "
                 "them.", J, id="sufficient-and-no-change"),
    pytest.param("We are satisfied that the existing controls on lone working remain adequate.", J,
                 id="satisfied-remain-adequate"),
    pytest.param("The Trust Board notes this recommendation.", N, id="board-notes-this"),
    pytest.param("HSE acknowledges the recommendation.", N, id="acronym-acknowledges-the"),
    pytest.param("The existing safeguards at the level crossing are sufficient to ensure the safety of people on "
                 "foot.", J, id="sufficient-to-ensure"),
    pytest.param("Having looked at the matter again, we believe the present controls are adequate to ensure that "
                 "drivers working alone are safe.", J, id="adequate-to-ensure-that"),
])
def test_saying_the_arrangements_are_enough_still_declines_and_a_bare_acknowledgement_still_notes(
        passage, expected, nlp, lex, settings):
    """Negative: a body that says its current arrangements are sufficient (or that it is satisfied they remain
    adequate, or that they are "sufficient to ensure" safety) declines to do more; a board or a body by its initials
    that notes or acknowledges "this/the recommendation" and says nothing else takes no position. A user relies on
    the refusals staying rejected and the bare acknowledgements noted once purpose clauses, reported questions and
    a board's other sentences no longer fire those cues."""
    v = verdict(passage, nlp, lex, settings)
    assert v.label is expected, (v.label, v.cues)


# ---- an acceptance by its status word alone over prose that only puts the thing off (5a94f0f)

@pytest.mark.parametrize(
    ("passage", "expected"),
    [
        pytest.param("Accepted.\n\nWe will consider how best to update the rota guidance and will come back to "
                     "the Panel in the spring.", D, id="will-consider-the-thing"),
        pytest.param("Recommendation accepted\n\nWe will consider whether to go further once the new rota has "
                     "bedded in.", A, id="going-further-stays-accepted"),
        pytest.param("Accepted.\n\nThe new rota guidance was issued to every station on 3 March. We will consider "
                     "how it is working at the autumn review.", A, id="done-then-reviewed-stays-accepted"),
        pytest.param("Accepted.\n\nWe will run a pilot of the new rota at two stations from April.", A,
                     id="pilot-may-be-what-was-asked"),
    ],
)
def test_a_status_word_alone_over_prose_that_only_considers_the_thing_waits(passage, expected, nlp, lex, settings):
    """"Accepted." over "We will consider how best to ..." and nothing done yet: the answer waits (FORMAT.md:
    a status word is evidence, not the verdict), where before 5a94f0f it read as accepted. An answer that
    considers going further, that has done the thing, or that runs a pilot keeps its acceptance."""
    assert verdict(passage, nlp, lex, settings).label is expected
