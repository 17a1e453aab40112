"""URLs and domains: refanged, IDN as A-labels, registrable by the PSL's private section too."""

from __future__ import annotations

import pytest

from scamtrace.domain.indicator import Kind, Role
from scamtrace.extract.web import canonical_url
from tests.extract.helpers import extract, found, indicator


@pytest.mark.parametrize(
    ("text", "domain"),
    [
        ("go to www.apple-icloud-secure[.]com and", "apple-icloud-secure.com"),
        ("site pcsecure-care(dot)com/pay now", "pcsecure-care.com"),
        ("he said fixmypc dot com please", "fixmypc.com"),
        ("visit fixmypc . com today", "fixmypc.com"),
        ("page mac-secure-alert[.]netlify[.]app. I", "mac-secure-alert.netlify.app"),
        ("page securealert-ms.pages.dev said", "securealert-ms.pages.dev"),
        ("host win-helpdesk.duckdns.org is", "win-helpdesk.duckdns.org"),
        ("site microsoft-support-help.weebly.com lists", "microsoft-support-help.weebly.com"),
        ("address apple.com-fix-mac.info/alert shown", "com-fix-mac.info"),
        ("the site was www.micrösoft.com/support", "xn--micrsoft-q4a.com"),
    ],
)
def test_domains(text: str, domain: str) -> None:
    assert domain in found(extract(text), Kind.DOMAIN)


def test_url_yields_its_domain_with_the_same_role() -> None:
    ex = extract(
        "The browser was stuck on hxxps://support-win10-alert.azurewebsites[.]net/errorcode/0x80070424 and beeping"
    )
    url = indicator(
        ex, Kind.URL, "https://support-win10-alert.azurewebsites.net/errorcode/0x80070424"
    )
    domain = indicator(ex, Kind.DOMAIN, "support-win10-alert.azurewebsites.net")
    assert url.role is domain.role is Role.SCAMMER


def test_blob_storage_and_static_site_shards_are_their_own_hosts() -> None:
    ex = extract(
        "pages https://secure-pay.blob.core.windows.net/pay/index.html and http://alert1.z13.web.core.windows.net/"
    )
    domains = found(ex, Kind.DOMAIN)
    assert "secure-pay.blob.core.windows.net" in domains
    assert "alert1.z13.web.core.windows.net" in domains
    assert "windows.net" not in domains


def test_shared_parents_are_flagged_and_never_scammer() -> None:
    ex = extract("the link https://bit.ly/nrtn-refund opened AnyDesk")
    assert indicator(ex, Kind.URL, "https://bit.ly/nrtn-refund").role is Role.SCAMMER
    parent = indicator(ex, Kind.DOMAIN, "bit.ly")
    assert parent.role is Role.UNKNOWN
    assert "warninglist:url-shortener" in parent.flags


def test_screenconnect_instance_is_a_remote_id_and_url_never_the_parent() -> None:
    ex = extract(
        "the link was https://help.fixmypc.screenconnect.com/Join?s=88af and he locked my PC"
    )
    assert found(ex, Kind.REMOTE_ID) == {
        "screenconnect:help.fixmypc.screenconnect.com": Role.SCAMMER
    }
    assert "https://help.fixmypc.screenconnect.com/Join?s=88af" in found(ex, Kind.URL)
    assert "screenconnect.com" not in found(ex, Kind.DOMAIN)


def test_legitimate_sites_are_legit() -> None:
    ex = extract("he told me to go to www.anydesk.com and later I checked support.microsoft.com")
    domains = found(ex, Kind.DOMAIN)
    assert domains["anydesk.com"] is Role.LEGIT
    assert domains["microsoft.com"] is Role.LEGIT


@pytest.mark.parametrize(
    "text",
    [
        "I called them.It said",
        "download setup.zip now",
        "e.g. the popup",
        "version 10.0.19045",
        "a.m. on Monday",
    ],
)
def test_not_domains(text: str) -> None:
    assert found(extract(text), Kind.DOMAIN) == {}


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("HTTPS://Fix-PC.COM/Path?Q=1", "https://fix-pc.com/Path?Q=1"),
        ("http://x.com:80/a", "http://x.com/a"),
        ("https://x.com:8443/a", "https://x.com:8443/a"),
        ("https://www.micrösoft.com/support", "https://www.xn--micrsoft-q4a.com/support"),
        ("https://x.com/", "https://x.com/"),
    ],
)
def test_canonical_url(raw: str, canonical: str) -> None:
    result = canonical_url(raw)
    assert result is not None and result[0] == canonical
    assert canonical_url(result[0]) == result  # idempotent
