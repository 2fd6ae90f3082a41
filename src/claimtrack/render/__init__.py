"""Renderers: findings of ``check`` (:mod:`claimtrack.render.findings`) and the citation
report the ``report`` command writes (:mod:`claimtrack.render.report`)."""
