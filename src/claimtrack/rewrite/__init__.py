"""Rewrites of claim files that a command asks for: :mod:`claimtrack.rewrite.anchors` plans
and applies the ``anchor`` command's new anchors (atomically, keeping comments and the file's
mode). The anchor algorithms themselves are in :mod:`claimtrack.anchor`."""
