"""What kind of outlet a citation names, and whether it can verify a rendering.

Issue 15's rule for ``verified=yes``: the citation names an *official* outlet (a
Chinese government, Party or state-media body that publishes the standard English:
Xinhua, China Daily, english.gov.cn, the State Council Information Office, the
CPC's official reports, Qiushi, People's Daily, CGTN, a government's own English
site) and gives a date or a URL. A citation of our own reference list or of a
dictionary verifies nothing.

The kinds, in the order :func:`source_kind` tries them:

- ``"reference list"``: the project's own research notes;
- ``"dictionary"``: a dictionary or glossary compiled by a third party (CC-CEDICT, Wikipedia);
- ``"official"``: as above. Such a source verifies only with a date or a URL, and a URL must be
  on the outlet's own site (:data:`OFFICIAL_HOSTS`) or a faithful-copy site
  (:data:`FAITHFUL_COPY_HOSTS`); a copy on a mirror or aggregator names the outlet but verifies
  nothing;
- ``"Chinese media"``: other mainland outlets (Global Times, China News Service,
  Shanghai Daily, provincial news sites): evidence of usage, not of the standard;
- ``"third party"``: everything else (foreign media, blogs, academic papers, MT pages).
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

from reviewer.core.termbase.model import Concept, Source

#: web hosts of official outlets (and their subdomains), where a cited page verifies a rendering
OFFICIAL_HOSTS = (
    "news.cn", "xinhuanet.com", "chinaview.cn", "people.cn", "people.com.cn", "pdnews.cn", "chinadaily.com.cn",
    "chinadailyhk.com", "chinadailyasia.com", "gov.cn", "china.org.cn", "chinagate.cn", "cgtn.com", "qstheory.cn",
    "gmw.cn", "cctv.com", "cntv.cn", "chinatoday.com.cn", "bjreview.com", "bjreview.com.cn", "beijingreview.com.cn",
    "idcpc.org.cn", "theorychina.org.cn", "china.com.cn", "81.cn", "chinamil.com.cn", "taiwan.cn", "dbw.cn",
    "ourjiangsu.com", "ciie.org", "stdaily.com", "cri.cn", "ce.cn", "youth.cn", "cnr.cn", "12371.cn", "ichongqing.info",
    "dahe.cn", "newsgd.com", "chinaservicesinfo.com", "hinews.cn", "investgo.cn",
)
#: hosts that keep faithful copies of official texts: Wikisource's transcriptions of the official
#: English reports, PressReader's page replicas of China Daily
FAITHFUL_COPY_HOSTS = ("wikisource.org", "pressreader.com")


def url_host(url: str) -> str:
    """The lower-case host of ``url`` (a scheme is optional), without a trailing dot, or ``""``."""
    if not url:
        return ""
    try:
        host = urlparse(url if "://" in url else "http://" + url).hostname or ""
    except ValueError:
        return ""
    return host.rstrip(".").lower()


def official_host(url: str) -> bool:
    """True when ``url`` is on an official outlet's site or a faithful-copy site (see above)."""
    host = url_host(url)
    return any(host == h or host.endswith("." + h) for h in (*OFFICIAL_HOSTS, *FAITHFUL_COPY_HOSTS))

SOURCE_KINDS = ("official", "Chinese media", "third party", "dictionary", "reference list")

_REFERENCE = re.compile(r"project reference|reference (draft|extension|list)|recalled", re.IGNORECASE)
_DICTIONARY = re.compile(r"wikipedia|cc-cedict|dictionary|wiktionary", re.IGNORECASE)
_OFFICIAL = re.compile(
    r"xinhua|china daily|state council|information office|\bscio\b|gov\.cn|people's government|government\b|"
    r"foreign affairs office|national bureau of statistics|\bnbs\b|qiushi|qstheory|people's daily|\bcgtn\b|\bcctv\b|"
    r"ndrc|national development and reform|foreign languages press|china\.org\.cn|\bcicg\b|china international communications|"
    r"beijing review|ministry of|xitheory|idcpc|npc\.gov|national people's congress|cppcc|central committee|"
    r"communist party of china|\bcpc\b|theorychina|china keywords|chinese people's political consultative|"
    r"supreme people's|central commission for discipline|ccdi|national supervisory",
    re.IGNORECASE,
)
_CHINESE_MEDIA = re.compile(
    r"global times|ecns|china news service|shanghai daily|shine\.cn|newsgd|news network|\bgt\b|sixth tone|caixin|yicai|"
    r"china\.com\.cn|chinanews|the paper|thepaper",
    re.IGNORECASE,
)
_THIRD_PARTY_MARK = re.compile(r"not official|third[- ]party|unofficial|\bMT\b", re.IGNORECASE)


def source_kind(source: Source) -> str:
    """The kind of outlet ``source`` names: one of :data:`SOURCE_KINDS`."""
    text = f"{source.title} {source.publisher} {source.url}"
    if _REFERENCE.search(text):
        return "reference list"
    if _DICTIONARY.search(text):
        return "dictionary"
    if _THIRD_PARTY_MARK.search(f"{source.title} {source.publisher}") and "via" not in source.publisher and "copy" not in source.publisher:
        return "third party"
    if _OFFICIAL.search(text):
        return "official"
    if _CHINESE_MEDIA.search(text):
        return "Chinese media"
    return "third party"


def verifies(source: Source) -> bool:
    """True when ``source`` can verify a rendering: an official outlet with a date or a URL, the
    URL (when there is one) on the outlet's own site or a faithful-copy site. A copy on a mirror,
    audio, aggregator or unrelated site does not verify, even when it names the outlet."""
    if source_kind(source) != "official" or not (source.date or source.url):
        return False
    return not source.url or official_host(source.url)


def verification_problem(concept: Concept) -> str:
    """Why ``concept`` may not be marked ``verified=yes``, or ``""`` when it may (or is not so marked)."""
    if concept.verified.strip().lower() != "yes":
        return ""
    if any(verifies(s) for s in concept.sources):
        return ""
    if any(source_kind(s) == "official" and s.url and not official_host(s.url) for s in concept.sources):
        return "marked verified, but its official text is cited from a copy on another site (" + url_host(next(s.url for s in concept.sources if s.url and source_kind(s) == "official")) + ")"
    if any(source_kind(s) == "official" for s in concept.sources):
        return "marked verified, but its official source has neither a date nor a URL"
    return "marked verified, but no source is an official outlet (Xinhua, China Daily, gov.cn, SCIO, Qiushi, ...)"
