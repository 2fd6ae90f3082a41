"""A corpus site: the citation report of many documents as a folder of linked pages.

:func:`build_site` decides the pages (:mod:`claimtrack.render.site.model`) from a report of
many documents, the links between claims several documents make
(:func:`~claimtrack.render.site.repeats.repeat_links`) and when each file last changed
(:func:`~claimtrack.render.site.changes.last_changes`); :func:`render_site` turns them into
HTML files; :func:`claimtrack.io.folder.write_folder` replaces the site's folder with them as
one. ``claimtrack report PATH... --format html -o FOLDER/`` does all three.
"""

from claimtrack.render.site.changes import last_changes
from claimtrack.render.site.html import render_site
from claimtrack.render.site.identity import normalise_url, source_key
from claimtrack.render.site.model import Site, build_site
from claimtrack.render.site.repeats import RepeatLink, repeat_links

__all__ = [
    "RepeatLink",
    "Site",
    "build_site",
    "last_changes",
    "normalise_url",
    "render_site",
    "repeat_links",
    "source_key",
]
