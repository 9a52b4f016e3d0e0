"""serve's broker settings: each bad one is one line (BrokerConfigError); failures to
connect are worded for a person (describe_failure)."""

from __future__ import annotations

import aiomqtt
import pytest

from moderator_app.server.bridge import BrokerConfigError, broker_config, describe_failure


def test_good_settings(tmp_path) -> None:
    secret = tmp_path / "pw"
    secret.write_text("s3cret\n")
    config = broker_config("mqtts://b.example:8883", user="show", password_file=str(secret),
                           browser_url="wss://b.example:8084/mqtt", browser_user="speakers",
                           browser_password_file=str(secret))
    assert config.password == "s3cret" and config.link_url == "wss://b.example:8084/mqtt"
    assert config.browser_password == "s3cret"
    assert broker_config("wss://b.example/mqtt").link_url == "wss://b.example/mqtt"


def test_bad_settings_are_one_line(tmp_path) -> None:
    empty = tmp_path / "empty"
    empty.write_text("\n")
    not_ca = tmp_path / "ca.pem"
    not_ca.write_text("not a certificate")
    cases = [
        (dict(url="wss//b"), "is not a broker URL"),
        (dict(url="mqtt://b"), "give --browser-broker"),
        (dict(url="mqtt://b", browser_url="http://b"), "is not a broker URL"),
        (dict(url="mqtt://b", browser_url="mqtt://b:1"), "--browser-broker is the ws://"),
        (dict(url="wss://b", user="u", password_file=str(tmp_path / "none")), "cannot read"),
        (dict(url="wss://b", user="u", password_file=str(empty)), "is empty"),
        (dict(url="wss://b", password_file=str(not_ca)), "goes with --broker-user"),
        (dict(url="wss://b", ca=str(tmp_path / "none.pem")), "no such file"),
        (dict(url="wss://b", ca=str(not_ca)), "not a CA certificate file"),
    ]
    for kwargs, words in cases:
        url = kwargs.pop("url")
        with pytest.raises(BrokerConfigError) as info:
            broker_config(url, **kwargs)
        assert words in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize(("error", "words"), [
    (aiomqtt.MqttCodeError(5, "Not authorised"), "refused the credentials (user u)"),
    (aiomqtt.MqttError("[Errno 111] Connection refused"), "unreachable (connection refused)"),
    (aiomqtt.MqttError("[Errno -2] Name or service not known"), "cannot find the broker host"),
    (aiomqtt.MqttError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed"),
     "TLS with the broker at b.example:8883 failed"),
    (aiomqtt.MqttError("timed out"), "does not answer (timed out)"),
])
def test_connection_failures_are_worded(error, words) -> None:
    config = broker_config("mqtts://b.example", user="u",
                           browser_url="wss://b.example/mqtt")
    assert words in describe_failure(error, config)
