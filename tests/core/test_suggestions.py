"""Accepting a suggestion gives correct English: real MT sentences in, applied sentences out, exact (issue 16)."""

from __future__ import annotations

import pytest

from reviewer.core.checks import SegmentText, run_checks
from reviewer.core.checks.fit import fit_span
from reviewer.core.matching import TermMatcher

CASES = [
    # (Chinese source or None, MT sentence, check, the sentence with the suggestion applied)
    (
        "全年规上工业增加值增长6.5%",
        "The added value of industries above the standard grew by 6.5% for the whole year.",
        "term-missing",
        "The value-added of industrial enterprises above designated size grew by 6.5% for the whole year.",
    ),
    (
        "全面推进乡村振兴，巩固拓展脱贫攻坚成果。",
        "We will comprehensively promote rural revitalization and consolidate and expand the achievements of poverty alleviation.",
        "term-missing",
        "We will advance rural revitalization across the board and consolidate and expand the achievements of poverty alleviation.",
    ),
    (
        None,
        "That is, to make corrections immediately after knowing, to investigate and make reforms immediately.",
        "term-forbidden",
        "That is, to make immediate corrections, to investigate and make reforms immediately.",
    ),
    (
        None,
        "In line with the meeting, research and deployment of the municipal government system to implement the work.",
        "term-forbidden",
        "In line with the meeting, study and make arrangements for the municipal government system to implement the work.",
    ),
    (
        None,
        "Deeply understand the decisive significance of the “two establishments”.",
        "term-forbidden",
        "Deeply understand the decisive significance of the “Two Establishes”.",
    ),
    # real WMT outputs (issue 16): the whole MT rendering is replaced
    (
        "把那些有能力、有觉悟、有志于为家乡服务的农民工吸引回来，引导他们返乡创业成为致富带头人，从中择优培养成党员、乡村干部，充实基层干部队伍，这是解决农村党员队伍和基层党组织青黄不接的治本之策。",
        "Attracting rural migrant workers who are capable, conscious and interested in serving their hometown back, guiding them to return home and start their own businesses to become rich leaders, choosing their best to train them into Party members and rural cadres, and enriching the ranks of cadres at the grass-roots level, is the solution to the root cause of the problem of the lack of youth and yellow among rural Party members and grass-roots Party organizations.",
        "term-missing",
        "Attracting rural migrant workers who are capable, conscious and interested in serving their hometown back, guiding them to return home and start their own businesses to become rich leaders, choosing their best to train them into Party members and rural cadres, and enriching the ranks of primary-level officials, is the solution to the root cause of the problem of the lack of youth and yellow among rural Party members and grass-roots Party organizations.",
    ),
    (
        "党中央坚持稳中求进工作总基调，进一步加大宏观政策对冲力度，全面强化就业优先政策，积极推进援企稳岗扩就业工作。",
        "The Party Central Committee adheres to the general tone of seeking progress in the midst of stability, further strengthens macro policy hedging, comprehensively strengthens the policy of giving priority to employment, and actively promotes the work of assisting enterprises to stabilize jobs and expand employment,",
        "term-missing",
        "The Party Central Committee adheres to the general tone of seeking progress in the midst of stability, further strengthens macro policy hedging, comprehensively strengthens the employment-first policy, and actively promotes the work of assisting enterprises to stabilize jobs and expand employment,",
    ),
    (
        "新华社昆明12月12日电（记者林碧锋）为持续做好脱贫人口就业帮扶，巩固拓展脱贫攻坚成果，云南省日前出台促进乡村振兴乡村公益性岗位管理相关政策，助力全面推进乡村振兴。",
        "Xinhua News Agency, Kunming, December 12 (Reporter Lin Bifeng) In order to continue to provide employment assistance to people out of poverty and consolidate and expand the achievements of poverty alleviation, Yunnan Province recently issued relevant policies to promote rural revitalization and rural public welfare post management to help promote rural revitalization in an all-round way.",
        "term-missing",
        "Xinhua News Agency, Kunming, December 12 (Reporter Lin Bifeng) In order to continue to provide employment assistance to people out of poverty and consolidate and expand the achievements of poverty alleviation, Yunnan Province recently issued relevant policies to promote rural revitalization and rural public welfare post management to help advance rural revitalization across the board.",
    ),
    (
        "前进的道路上，有以习近平同志为核心的党中央的坚强领导，我们一定能够战胜一切艰难险阻，保持我国经济社会良好发展势头，全面建成小康社会，顺利开启全面建设社会主义现代化国家新征程！",
        "On the way forward, with the strong leadership of the CPC Central Committee with Comrade Xi Jinping at the core, we will surely be able to overcome all difficulties and obstacles, maintain the sound momentum of China's economic and social development, build a moderately prosperous society in an all-round way, and successfully start the new journey of building a modern socialist country in an all-round way.",
        "term-missing",
        "On the way forward, with the strong leadership of the CPC Central Committee with Comrade Xi Jinping at the core, we will surely be able to overcome all difficulties and obstacles, maintain the sound momentum of China's economic and social development, finish building a moderately prosperous society in all respects, and successfully start the new journey of building a modern socialist country in an all-round way.",
    ),
    (
        None,
        'In the evening, at the Taihu Open-Air Theater of the National Grand Theater, the military song was bright - the military brigade chorus song concert kicked off with the melodious "Do not forget the original intention."',
        "term-forbidden",
        'In the evening, at the Taihu Open-Air Theater of the National Grand Theater, the military song was bright - the military brigade chorus song concert kicked off with the melodious "Stay true to our original aspiration and founding mission."',
    ),
    (
        None,
        'It is necessary to study deeply and understand Xi Jinping\'s thought of socialism with Chinese characteristics for a new era as the primary task, take " not forgetting the original intention and remembering the mission " as the eternal subject of party building and the lifelong subject of party members and cadres.',
        "term-forbidden",
        'It is necessary to study deeply and understand Xi Jinping\'s thought of socialism with Chinese characteristics for a new era as the primary task, take " staying true to our original aspiration and founding mission " as the eternal subject of party building and the lifelong subject of party members and cadres.',
    ),
    (
        None,
        "On the way forward, with the strong leadership of the CPC Central Committee with Comrade Xi Jinping as the core, we will be able to overcome all difficulties and obstacles.",
        "term-nonstandard",
        "On the way forward, with the strong leadership of the CPC Central Committee with Comrade Xi Jinping at its core, we will be able to overcome all difficulties and obstacles.",
    ),
    (
        None,
        "the reform and opening-up have been promoted to a depth, and the choke points that constrain the adaptation of supply and demand and the flow of factors have been worked to create a new competitive advantage with a high level of opening-up;",
        "term-nonstandard",
        "the reform and opening-up have been promoted to a depth, and the choke points that constrain the adaptation of supply and demand and the flow of factors have been worked to create a new competitive advantage with high-standard opening up;",
    ),
    (
        None,
        "On January 16, our county held the 2022 County-wide Grass-roots Party Construction Work Debriefing Review Conference to thoroughly study and implement General Secretary Xi Jinping’s important expositions on grass-roots party building work.",
        "term-nonstandard",
        "On January 16, our county held the 2022 County-wide Grass-roots Party Building Work Debriefing Review Conference to thoroughly study and implement General Secretary Xi Jinping’s important expositions on grass-roots party building work.",
    ),
    (
        None,
        "At the same time, establish and improve the governance system and mechanism of grass-roots governance, improve the decision-making and deliberation mechanism led by grass-roots party organizations, improve the mechanism of party members and cadres contacting and serving the masses, gather the hearts and minds of the people in serving the people, enhance the sense of acquisition, happiness, honor and pride of party members and the masses, and make grass-roots governance more warm.",
        "term-forbidden",
        "At the same time, establish and improve the governance system and mechanism of grass-roots governance, improve the decision-making and deliberation mechanism led by grass-roots party organizations, improve the mechanism of party members and cadres contacting and serving the masses, gather the hearts and minds of the people in serving the people, enhance the sense of fulfillment, happiness, honor and pride of party members and the masses, and make grass-roots governance more warm.",
    ),
]

#: real MT where no safe replacement exists: (source, MT, check, flagged span, why, in part)
DECLINED = [
    (
        None,
        "This is the need to respond to the impact of the epidemic, to maintain the long-term sustainable and healthy development of my country's economy, and to meet the needs of the people's growing good life.",
        "term-nonstandard",
        "country's economy",
        "a word in its own right",
    ),
    (
        "我国西部人口大省、劳务输出大省四川，因势利导实施“优秀农民工回引培养工程”，仅2019年，就从回引的优秀农民工中产生村党支部书记8000余名，培育村后备力量6.1万名，发展党员2万余名，为打赢脱贫攻坚战和实施乡村振兴战略提供有力保证。",
        "In 2019 alone, more than 8,000 village party branch secretaries were generated from the outstanding migrant workers to cultivate village reserve forces. There are 61,000 members and more than 20,000 party members have been recruited to provide a strong guarantee for winning the fight against poverty and implementing the strategy of rural revitalization.",
        "term-missing",
        "party members",
        "needs a noun here",
    ),
    (
        None,
        "Zhang Shihui, vice chairman of the Chinese People’s Political Consultative Conference, and responsible comrades from relevant units directly under the city and central provinces attended the meeting.",
        "term-forbidden",
        "responsible comrades",
        "would stand beside the MT's “relevant”",
    ),
]


@pytest.fixture(scope="module")
def matcher(shipped_termbase):
    return TermMatcher([shipped_termbase])


@pytest.mark.parametrize("source, mt, check, applied", CASES)
def test_accepted_suggestion_gives_the_sentence(matcher, source, mt, check, applied):
    found = [f for f in run_checks([SegmentText("d", "1", mt, source)], matcher, checks=[check]) if f.suggestion and f.end > f.start and not f.manual]
    assert found, "no finding with a suggestion to accept"
    assert applied in [mt[: f.start] + (f.suggestion or "") + mt[f.end :] for f in found]


@pytest.mark.parametrize("source, mt, check, span, why", DECLINED)
def test_unsafe_suggestion_is_left_to_the_reviewer(matcher, source, mt, check, span, why):
    found = [f for f in run_checks([SegmentText("d", "1", mt, source)], matcher, checks=[check]) if f.text == span]
    assert found and all(f.manual and why in f.details["placement"] for f in found), [(f.text, f.details) for f in found]


@pytest.mark.parametrize(
    "text, span, suggestion, expected",
    [
        ("to make corrections at once", "corrections at once", "make immediate corrections", "make corrections at once"),
        ("research and deployment of the system", "research and deployment", "study and make arrangements for", "research and deployment of"),
        ("the spirit of the meeting", "spirit", "guiding principles", "spirit"),  # fits already
        ("the two establishments", "two establishments", "Two Establishes", "two establishments"),
        ("the CPC Central Committee with Comrade Xi Jinping as the core", "with Comrade Xi Jinping as the core", "Party Central Committee with Comrade Xi Jinping at its core", "CPC Central Committee with Comrade Xi Jinping as the core"),
        ("strengthens the policy of giving priority to employment,", "priority to employment", "employment-first policy", "policy of giving priority to employment"),
        ("take “not forgetting the original intention and remembering the mission” as", "not forgetting the original intention", "stay true to our original aspiration and founding mission", "not forgetting the original intention and remembering the mission"),
        ("promote the reform of state-owned assets and state-owned enterprises and accelerate the reform", "state-owned enterprises", "SOE reform", "state-owned enterprises"),
    ],
)
def test_fit_span(text, span, suggestion, expected):
    start = text.index(span)
    s, e = fit_span(text, start, start + len(span), suggestion)
    assert text[s:e] == expected
