"""Line features: shape, names, finiteness, and that they say what they claim."""
from __future__ import annotations

import re
import time

import numpy as np

from newsclean.blocks import split
from newsclean.features import FEATURE_NAMES, STACK_NAMES, line_features, stack_features

PAGE = """Home
News
Sports
Share

Scientists find water on a distant moon

By Jane Doe | 2024-05-20 13:09

The discovery, announced on Monday, suggests that the moon could host life. Researchers used a new telescope to study the light reflected by its surface, and found clear traces of ice.
"It is a remarkable result," said the lead author, who has studied the moon for ten years. The team will publish more data next year, after a second round of observations.
据新华社电 国家食品药品监督管理局昨天发布了关于实施餐饮服务食品安全监督量化分级管理工作的指导意见。

Related articles
Copyright © 2024 Example News. All rights reserved.
Home
"""


def col(X, name):
    return X[:, FEATURE_NAMES.index(name)]


def test_shape_and_names():
    units = split(PAGE)
    X = line_features(units)
    assert X.shape == (len(units), len(FEATURE_NAMES))
    assert len(set(FEATURE_NAMES)) == len(FEATURE_NAMES)
    assert np.isfinite(X).all()
    assert line_features([]).shape == (0, len(FEATURE_NAMES))
    for k in (1, 2, 3):  # pages shorter than the neighbour window
        assert np.isfinite(line_features(units[:k])).all()
        assert stack_features(np.full(k, 0.5)).shape == (k, len(STACK_NAMES))


def test_features_describe_lines():
    units = split(PAGE)
    X = line_features(units)
    text = [u.text for u in units]
    para = text.index(next(t for t in text if t.startswith("The discovery")))
    zh = text.index(next(t for t in text if t.startswith("据新华社电")))
    home = 0
    copy = text.index(next(t for t in text if t.startswith("Copyright")))
    assert col(X, "end_sentence")[para] == 1 and col(X, "end_sentence")[home] == 0
    assert col(X, "long")[para] == 1 and col(X, "short")[home] == 1
    assert col(X, "cjk_share")[zh] > 0.8 and col(X, "cjk_share")[para] == 0
    assert col(X, "in_main")[para] == 1 and col(X, "in_main")[home] == 0
    assert col(X, "dist_main")[home] > 0
    assert col(X, "copyright")[copy] == 1 and col(X, "cue_legal")[copy] == 1
    assert col(X, "cue_nav")[home] == 1 and col(X, "cue_share")[text.index("Share")] == 1
    assert col(X, "repeat")[home] > 0 and col(X, "repeat")[para] == 0
    assert col(X, "date")[text.index(next(t for t in text if t.startswith("By Jane")))] == 1
    # neighbour features are shifted copies
    assert col(X, "log_width@+1")[para] == col(X, "log_width")[para + 1]
    assert col(X, "log_width@-1")[0] == 0
    assert col(X, "rel_pos")[0] == 0 and col(X, "rel_pos")[-1] == 1


def test_stack_features():
    p = np.array([0.1, 0.2, 0.9, 0.95, 0.8, 0.1])
    S = stack_features(p)
    assert S.shape == (6, len(STACK_NAMES))
    assert np.isfinite(S).all()
    assert S[2, STACK_NAMES.index("p_in_main")] == 1 and S[0, STACK_NAMES.index("p_in_main")] == 0
    assert S[3, STACK_NAMES.index("p@-1")] == 0.9


def test_stack_features_place_in_the_page():
    """The second stage sees where the page's likely text lies around a line: its share above and
    below, how far the nearest sure line is, the nearest sentences' probabilities, and whether a
    comment cue under text opened a thread above it."""
    p = np.array([0.05, 0.95, 0.9, 0.97, 0.95, 0.2, 0.6, 0.3])
    X = np.zeros((len(p), len(FEATURE_NAMES)))
    X[[1, 3, 6], FEATURE_NAMES.index("end_sentence")] = 1
    X[[0, 5], FEATURE_NAMES.index("cue_comment")] = 1  # line 0: no text above it; line 5: under text
    S = stack_features(p, None, X)
    s = lambda name: S[:, STACK_NAMES.index(name)]
    assert s("p_mass_before")[0] == 0 and np.isclose(s("p_mass_after")[-1], 0)
    assert np.isclose(s("p_mass_before")[2] + p[2] / p.sum() + s("p_mass_after")[2], 1)
    assert s("dist_sure_above")[0] == np.log1p(len(p))  # no sure line above the first
    assert s("dist_sure_above")[6] == np.log1p(2) and s("dist_sure_below")[0] == np.log1p(1)
    assert s("p_prev_sentence")[5] == p[3] and s("p_next_sentence")[4] == p[6]
    assert s("p_prev_sentence")[0] == 0 and s("p_next_sentence")[7] == 0
    # the header at line 5 opens the thread (line 0's cue has no text above it)
    assert s("comment_cue_above").tolist() == [0, 0, 0, 0, 0, 0, 1, 1]
    # without the line features, the features that read them are 0
    assert not stack_features(p)[:, STACK_NAMES.index("comment_cue_above")].any()


def test_fast_enough():
    units = split(PAGE * 15)  # about 200 units
    line_features(units)
    t0 = time.perf_counter()
    for _ in range(10):
        line_features(units)
    per_page = (time.perf_counter() - t0) / 10
    assert per_page < 0.05  # generous for CI machines; ~3-5 ms here


def test_full_stops_of_other_scripts_end_a_sentence():
    # Burmese, Hindi (danda), Urdu: a line ending in the script's own full stop reads as a sentence,
    # in the features, the line shape and the renderer alike
    from newsclean.classify import shape
    from newsclean.render import _is_heading

    lines = ["နိုင်ငံတော်အကြည်ညိုပျက်စေမှု ပုဒ်မ ၅၀၅ (ခ) နဲ့ တရားစွဲ အဖမ်းခံထားရတဲ့ သတင်းသမား သုံးဦး အာမခံရပါတယ်။",
             "भारत के प्रधानमंत्री ने आज नई दिल्ली में एक बैठक की अध्यक्षता की।",
             "وزیر اعظم نے آج اسلام آباد میں ایک اجلاس کی صدارت کی۔",
             "ဝေမျှပါ"]
    X = line_features(split("\n\n".join(lines)))
    assert list(col(X, "end_sentence")) == [1, 1, 1, 0]
    assert [shape(t).sentence for t in lines] == [True, True, True, False]
    assert not _is_heading("भारत के प्रधानमंत्री ने बैठक की।")


def test_runs_give_each_unit_the_length_of_its_run():
    from newsclean.features import _runs

    flag = np.array([True, True, False, True, False, False, True, True, True])
    assert _runs(flag).tolist() == [2, 2, 0, 1, 0, 0, 3, 3, 3]
    assert _runs(np.zeros(3, dtype=bool)).tolist() == [0, 0, 0]
    assert _runs(np.zeros(0, dtype=bool)).tolist() == []


def test_date_and_time_patterns_find_what_they_did_before_their_lookahead():
    """The lookahead that opens the date and time patterns only skips positions where no match
    can start: the same matches as the patterns without it."""
    from newsclean import features

    plain_date = re.compile(features._DATE.pattern.split(")", 1)[1], re.I)
    plain_time = re.compile(r"\b\d{1,2}:\d{2}\b")
    text = ("Posted 2023-04-18 21:25 | 18.04.2023 | 4月18日 | April 18, 2023 | SEPT. 3 | Dec 24 | "
            "Decades 12 | 1999/7 | x2023-01 | 12:30pm | 7:5 | 123:45 | ２０２３年")
    for low in (text, text.lower()):
        assert [m.span() for m in features._DATE.finditer(low)] == [m.span() for m in plain_date.finditer(low)]
        assert [m.span() for m in features._TIME.finditer(low)] == [m.span() for m in plain_time.finditer(low)]
    assert len(list(features._DATE.finditer(text))) >= 6
