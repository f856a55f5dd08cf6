"""marsad — Arabic-first conflict-incident monitor.

The public entry point is :func:`marsad.extract.extract_report`; everything else
(CLI, evaluation, store) calls it.
"""

__version__ = "0.1.0"
EXTRACTOR_VERSION = f"marsad-{__version__}"
