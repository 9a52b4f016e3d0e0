from __future__ import annotations

import os

import pytest

from tests.remote.broker import MOSQUITTO, Mosquitto


@pytest.fixture
def mosquitto(tmp_path):
    if not os.path.exists(MOSQUITTO):
        pytest.skip(f"needs Mosquitto ({MOSQUITTO}; Debian: apt-get install mosquitto)")
    folder = tmp_path / "broker"
    folder.mkdir()
    broker = Mosquitto(folder)
    broker.start()
    try:
        yield broker
    finally:
        broker.kill()


@pytest.fixture
def mosquitto_tls(tmp_path):
    """The same broker with a TLS listener too (a private CA: ``broker.ca``)."""
    if not os.path.exists(MOSQUITTO):
        pytest.skip(f"needs Mosquitto ({MOSQUITTO}; Debian: apt-get install mosquitto)")
    folder = tmp_path / "broker-tls"
    folder.mkdir()
    broker = Mosquitto(folder, tls=True)
    broker.start()
    try:
        yield broker
    finally:
        broker.kill()
