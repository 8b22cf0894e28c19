"""Publish: the MkDocs plugin that adds the generated pages to a site, and
the atomic site build behind `dossier build`."""
