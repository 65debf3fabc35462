import time
import pytest
from django.conf import settings
from tests.e2e.conftest import _restore_wagtail_roots
from home.initial_data import load_cms_content
from users.initial_data import load_master_data
from users.regions import load_regions

@pytest.mark.parametrize("i", [1, 2, 3])
def test_t(i, live_server):
    t = time.perf_counter()
    _restore_wagtail_roots(); a = time.perf_counter()
    load_regions(settings.PORTAL_REGENCY); b = time.perf_counter()
    load_master_data(); c = time.perf_counter()
    load_cms_content(); d = time.perf_counter()
    print(f"\n{i} roots {a-t:.2f} regions {b-a:.2f} master {c-b:.2f} cms {d-c:.2f}")
