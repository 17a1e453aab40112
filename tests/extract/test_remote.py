"""Remote-access tools and IDs: the ID a victim reads out is theirs, one found in a log is the scammer's."""

from __future__ import annotations

from scamtrace.domain.indicator import Kind, Role
from tests.extract.helpers import extract, found


def test_ids_written_with_spaces() -> None:
    ex = extract("He had me install AnyDesk and I read him the number 812 345 678.")
    assert found(ex, Kind.REMOTE_ID) == {"anydesk:812345678": Role.VICTIM}
    assert ex.facts["tools"] == ["anydesk"]


def test_ten_digit_teamviewer_ids() -> None:
    ex = extract("my teamviewer id was 1 245 876 330 and password was 7hq2kx")
    assert found(ex, Kind.REMOTE_ID) == {"teamviewer:1245876330": Role.VICTIM}


def test_log_ids_are_the_scammers() -> None:
    ex = extract(
        "My own AnyDesk address was 443 662 901. Afterwards the AnyDesk window said 'incoming connection from 918 227 331'."
    )
    assert found(ex, Kind.REMOTE_ID) == {
        "anydesk:443662901": Role.VICTIM,
        "anydesk:918227331": Role.SCAMMER,
    }


def test_partner_id_and_ip_in_teamviewer_log() -> None:
    ex = extract(
        "I saw in TeamViewer the partner ID 1 620 335 118 connected to me from IP 103.211.16.45."
    )
    assert found(ex, Kind.REMOTE_ID) == {"teamviewer:1620335118": Role.SCAMMER}
    assert found(ex, Kind.IP) == {"103.211.16.45": Role.SCAMMER}


def test_anydesk_alias() -> None:
    ex = extract("In the AnyDesk recent sessions there was 'windowssupport@ad'.")
    assert found(ex, Kind.REMOTE_ID) == {"anydesk:windowssupport@ad": Role.SCAMMER}


def test_phone_near_a_tool_is_still_a_phone() -> None:
    ex = extract("He installed AnyDesk. Then he called from 213 784 5521.")
    assert found(ex, Kind.REMOTE_ID) == {}
    assert "+12137845521" in found(ex, Kind.PHONE)


def test_one_off_codes_are_not_indicators() -> None:
    ex = extract(
        "He asked for the 6 digit code from Quick Assist (it was 4K7TQ2) and the LogMeIn PIN 553 991."
    )
    assert found(ex, Kind.REMOTE_ID) == {}
    assert set(ex.facts["tools"]) == {"quickassist", "logmein"}


def test_structured_remote_access() -> None:
    ex = extract("", remote_access={"tool": "Team Viewer", "id": "1 556 221 087"})
    assert found(ex, Kind.REMOTE_ID) == {"teamviewer:1556221087": Role.VICTIM}
    ex = extract(
        "", remote_access={"tool": "ScreenConnect", "id": "remote-help-4477.screenconnect.com"}
    )
    assert found(ex, Kind.REMOTE_ID) == {
        "screenconnect:remote-help-4477.screenconnect.com": Role.SCAMMER
    }
