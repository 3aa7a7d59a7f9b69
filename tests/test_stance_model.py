"""The learned stance model: its weights load, its probabilities are probabilities, it decides
clear answers as a reader would, and a broken weights file fails with the file's name."""
from __future__ import annotations

import json

import pytest

from pipeline.learn.features import modality_features, passage_features, sentence_mode
from pipeline.learn.stance_model import MODEL_FILE, ModelFileError, StanceModel
from pipeline.nlp import analyse
from pipeline.records import StanceLabel
from pipeline.stages import recommendations as R
from pipeline.stages.segment import segment
from pipeline.stages.stance import stances


@pytest.fixture(scope="module")
def model(settings):
    m = StanceModel.load(settings.models_dir)
    assert m is not None, f"no stance model at {settings.models_dir / MODEL_FILE}; run make train-stance"
    return m


def test_labels_are_stance_labels(model):
    assert set(model.labels) <= {s.value for s in StanceLabel}
    assert len(model.intercept) == len(model.labels)


def test_probabilities_sum_to_one(model):
    probs = model.probabilities({"rule=accepted": 1.0, "cue:accepted:accept-recommendation": 1.0, "unknown": 5.0})
    assert abs(sum(probs.values()) - 1.0) < 1e-9
    assert all(0.0 <= p <= 1.0 for p in probs.values())


REPLY = """Dear Ms Green,

Thank you for your letter of 2 May.

Recommendation 1

The Department accepts this recommendation and will publish revised guidance for every school by September.

Recommendation 2

The Department does not accept this recommendation. We have no plans to introduce a new statutory duty.

Recommendation 3

We will consider this recommendation further once the evaluation of the pilot has been published next year.

Yours sincerely,

Tom Reed
"""


@pytest.mark.parametrize(("label", "expected"), [("1", StanceLabel.accepted), ("2", StanceLabel.rejected),
                                                 ("3", StanceLabel.deferred)])
def test_clear_answers_decided_as_a_reader_would(model, label, expected, lex, nlp, settings):
    (seg,) = segment(REPLY, lex)
    refs = R.find_refs(REPLY, seg, R.load_rules(settings.models_dir))
    sentences = analyse(nlp, REPLY, [(0, len(REPLY))], settings).sentences
    got = {s.label: s for s in stances(REPLY, seg, "L", None, refs, [], {k: k for k in "123"}, sentences, lex,
                                       None, model)}
    assert got[label].stance is expected
    # the model decided, or a lexicon verdict sure enough to stand did, and says which
    assert got[label].cues[-1] in (f"model:{expected.value}", "lexicon")
    assert REPLY[got[label].evidence_char_start:got[label].evidence_char_end] == got[label].evidence


def test_an_unsure_lexicon_verdict_is_the_model_s_to_decide(model):
    from pipeline.stages.stance import Verdict

    unsure = Verdict(StanceLabel.noted, 0.35, None, ("noted:notes",), (("noted", 1.0),), ())
    sure = Verdict(StanceLabel.rejected, 0.95, None, ("rejected:label-rejected",), (("rejected", 9.0),), ())
    features = {"rule=noted": 1.0}
    assert model.decide(features, unsure).cues[-1].startswith("model:")
    decided = model.decide(features, sure)
    assert decided.label is StanceLabel.rejected and decided.cues[-1] == "lexicon"
    assert 0.0 <= decided.confidence <= 1.0


def test_a_report_passed_on_to_the_body_it_concerns_stays_noted():
    """"This recommendation is for the Ministry of Justice ... it would not be appropriate for us to
    comment ... We have shared the review's report with the Ministry of Justice": the lexicon reads
    the report passed on, and its `noted` stands, however the model reads the refusal to comment."""
    from pipeline.learn.train_stance import Sample, fit, predict
    from pipeline.stages.stance import Verdict

    # a model that reads the refusal to comment as a refusal
    refusing = StanceModel(("noted", "rejected"), (0.0, 0.0), {"cue:rejected:not-appropriate": (0.0, 3.0)}, "", 0.8)
    features = {"rule=noted": 1.0, "cue:noted:passed-on": 1.0, "cue:rejected:not-appropriate": 1.0}
    passed = Verdict(StanceLabel.noted, 0.5, None, ("rejected:not-appropriate", "noted:passed-on"),
                     (("noted", 3.0), ("rejected", 2.0)), ())
    decided = refusing.decide(features, passed)
    assert decided.label is StanceLabel.noted and decided.cues[-1] == "lexicon"
    # without the report passed on, an unsure lexicon verdict is the model's to decide
    unsure = Verdict(StanceLabel.noted, 0.5, None, ("rejected:not-appropriate", "noted:notes"),
                     (("noted", 3.0), ("rejected", 2.0)), ())
    assert refusing.decide(features, unsure).label is StanceLabel.rejected
    # and the held-out figures score it the way the pipeline decides it
    train = [Sample(f"f{i}", "fixture", "rejected", {"cue:noted:passed-on": 1.0, "w:not": 1.0}, "noted", f"f{i}", 0.5)
             for i in range(6)] + \
            [Sample(f"g{i}", "fixture", "accepted", {"cue:accepted:will-do": 1.0}, "accepted", f"g{i}", 0.5)
             for i in range(6)]
    vec, clf = fit(train, seed=0)
    assert predict(vec, clf, train[0])[0] == "noted"


def test_features_are_the_same_for_the_same_answer():
    args = ("We accept this. We will act.", [(0, 15, 0), (16, 28, 0)], "heading", "accepted",
            {"accepted": 4.0}, ["accepted:accept-recommendation"], ["accepted:accept-recommendation"])
    assert passage_features(*args) == passage_features(*args)
    assert passage_features(*args)["status=accept"] == 1.0


@pytest.mark.parametrize("sentences, limited", [
    (["Nine providers have agreed to share their call data with us.",
      "The remaining five providers will continue to use paper timesheets."], True),
    (["We have trained 214 practitioners.", "The tool is not yet available to health visiting teams."], True),
    (["From 2026 we will fund two-year allocations.",
      "We are not, however, in a position to extend this to the third sector."], True),
    (["All 64 caseworkers completed the training in July.", "It is now part of every induction."], False),
    # the limit before anything is done is a refusal's reason, not a part left undone
    (["Funding is not available.", "We will write to the Committee in the autumn."], False),
    (["We have appointed two officers.", "We will work with other forces to continue to improve it."], False),
    (["We have published the guide.", "This will not only help families but also staff."], False),
], ids=["the-rest-left", "not-yet", "however-not", "done-in-full", "limit-first", "other-forces",
        "not-only-but-also"])
def test_a_sentence_that_limits_what_was_done_is_a_feature(sentences, limited):
    """What tells a partial answer from a full one: a sentence that stops where the action stops."""
    assert ("limit_after_act" in modality_features(sentences, "none")) is limited


@pytest.mark.parametrize("sentence, decline", [
    ("The team completed plans for the 38 pupils who did not have one.", False),
    ("We do not propose to set up a separate fund.", True),
    ("That will not be possible within the current budget.", True),
    ("We considered a levy, which would not be affordable.", True),
    ("It is a change that will not be made this year.", True),
    ("We have fitted heavier barriers, pinned together so they cannot be pushed forward.", False),
    ("Any steward who does not come to the briefing will not steward.", False),
    ("If a resident does not answer, the officer will call again the next day.", False),
    ("The display will not start until the lead steward has walked the barrier line.", False),
    ("While we agree with the aim, we do not think a new fund is needed.", True),
    # a reason is no condition: the refusal stands
    ("Because funding is limited we will not extend the scheme.", True),
    ("The budget is fully committed, so it will not be possible to fund the post.", True),
    ("No we do not accept this recommendation.", True),
], ids=["who-did-not", "do-not-propose", "that-opens", "which-would-not", "that-will-not", "so-they-cannot",
        "any-who-will-not", "if-does-not", "not-until", "while-we-do-not", "because", "so-it", "no-we"])
def test_a_negative_that_tells_the_story_is_no_refusal(sentence, decline):
    """ "the pupils who did not have one" tells the story, and "so they cannot be pushed forward" or
    "Any steward who does not come ... will not steward" sets a rule on others; "which would not be
    affordable" refuses."""
    assert (sentence_mode(sentence) == "decline") is decline


@pytest.mark.parametrize("content", ["not json", json.dumps({"labels": ["accepted"], "intercept": [0.0, 1.0],
                                                              "weights": {}}),
                                     json.dumps({"labels": ["maybe"], "intercept": [0.0], "weights": {}})],
                         ids=["not-json", "lengths-differ", "unknown-label"])
def test_broken_weights_fail_with_the_file_name(tmp_path, content):
    (tmp_path / MODEL_FILE).parent.mkdir(parents=True)
    (tmp_path / MODEL_FILE).write_text(content)
    with pytest.raises(ModelFileError, match=r"E105.*model\.json"):
        StanceModel.load(tmp_path)


def test_no_weights_means_no_model(tmp_path):
    assert StanceModel.load(tmp_path) is None


def test_held_out_figures_use_the_confidence_the_pipeline_reports():
    """The card's confidence bands must describe what an analyst filters on: an answer read off
    the whole reply is discounted as the pipeline discounts it, and a recommendation with no
    answer keeps the pipeline's own confidence."""
    from pipeline.learn.train_stance import Sample, fit, predict
    from pipeline.stages.stance import WHOLE_DISCOUNT

    def sample(gold, how, cue, group):
        feats = {f"how={how}": 1.0, f"cue:{cue}": 1.0, "rule=noted": 1.0}
        return Sample(group, "fixture", gold, feats, "noted", group, 0.35)

    train = [sample("accepted", "heading", "accepted:will-do", f"f{i}") for i in range(6)] + \
            [sample("rejected", "heading", "rejected:no-plans", f"g{i}") for i in range(6)]
    vec, clf = fit(train, seed=0)
    label, conf = predict(vec, clf, sample("accepted", "whole", "accepted:will-do", "h"))
    assert label == "accepted" and conf <= WHOLE_DISCOUNT
    _, heading_conf = predict(vec, clf, sample("accepted", "heading", "accepted:will-do", "h"))
    assert heading_conf > conf
    missing = Sample("h", "fixture", "accepted", None, "not_addressed", "h", 0.7)
    assert predict(vec, clf, missing) == ("not_addressed", 0.7)


def test_layout_probes_are_labelled_answers(tmp_path, settings, nlp):
    """A probe's key names file, segment (or none) and labels; each label becomes one training
    answer with the features of what the pipeline found, and a label with no answer stays
    missing rather than borrowing another's."""
    from pipeline.learn.train_stance import LAYOUT_KEY, collect_layouts

    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "reply.txt").write_text(
        "Department for Transport\n\n14 March 2024\n\nDear Chair,\n\n"
        "Thank you for your Committee's report on rural buses. I respond to its recommendations below.\n\n"
        "Recommendation 1\n\nWe accept this recommendation. We will publish new guidance by June 2024.\n\n"
        "Recommendation 2\n\nWe do not accept this recommendation and have no plans to change the funding formula.\n\n"
        "Yours sincerely,\n\nJane Smith\nMinister for Roads\n", encoding="utf-8")
    (folder / LAYOUT_KEY).write_text(json.dumps(
        {"file": "reply.txt", "index": None, "labels": {"1": "accepted", "2": "rejected", "9": "deferred"}}) + "\n",
        encoding="utf-8")
    got = {s.key.rsplit(":", 1)[1]: s for s in collect_layouts(folder, settings, nlp)}
    assert set(got) == {"1", "2", "9"}
    assert {s.group for s in got.values()} == {"layouts/papers/reply.txt"}
    assert {s.family for s in got.values()} == {"layouts:papers"}
    assert got["1"].gold == "accepted" and got["1"].features and got["1"].structural == "accepted"
    assert got["2"].features and got["2"].structural == "rejected"
    assert got["9"].features is None and got["9"].structural == "missing"
