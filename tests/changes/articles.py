# ruff: noqa: E501  (article paragraphs are one line each, as in the files)
"""Two small articles about one meeting: announced in the first, held in the
second, which also gives a person a new role.  Shared by the changes tests."""

from __future__ import annotations

PLANNED = """\
---
title: Ministers to hold water talks in Geneva
date: 2019-02-01
source: Test Wire
---

The foreign ministers of Norway and Chile will hold talks in Geneva on March 3, 2019, officials said on Friday.

Norway's Foreign Minister Clara Voss said the talks would focus on the shared river. "We want an agreement on the river this spring," Voss told reporters.

Chile's Foreign Minister Tomas Reyes said he expected a difficult meeting.
"""

HELD = """\
---
title: Norway and Chile ministers meet in Geneva
date: 2019-03-04
source: Test Wire
---

The foreign ministers of Norway and Chile held talks in Geneva on March 3, 2019, the first such meeting in a decade.

Norway's new Prime Minister, Clara Voss, said the talks had been useful. "We have made real progress on the river," Voss said.

Tomas Reyes said the two sides would meet again in May.
"""
