"""A fictional school's year of logistics data (示例实验小学) for the demo and the benchmark.

``demo_frames`` returns one DataFrame per input sheet, with the column keys of
``core.schema`` in schema order and canonical values: ``datetime.date`` dates, ``bool``
yes/no (None when blank), ``Choice.key`` for enumerations, int/float numbers, str text and
None for blanks. The data is valid under SPEC §4.5 and contains the cases the demo shows:
a tie, a quality score clamped at 0, an energy spike, late and explained promises, an
overdue plan, staff joining and leaving during the year.

Everything is drawn from ``random.Random(seed)`` (and, for the large log table, a numpy
Generator seeded from it), never from global state or the clock.
"""

from .energy import SPIKE_METER
from .frames import demo_frames
from .people import MIN_STAFF

__all__ = ["MIN_STAFF", "SPIKE_METER", "demo_frames"]
