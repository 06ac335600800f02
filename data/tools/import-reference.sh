#!/bin/sh
# Imports the small real facts of data/reference/ into data/futian/ through `fuwu import` itself
# (see data/reference/SOURCES.md and the mappings in data/reference/import/). Run from the
# repository root after data/tools/generate.py has rewritten data/futian/:
#   FUWU_IMPORT_DATE=2026-12-01 sh data/tools/import-reference.sh
# The library list reads as is; of the report's titles, the four whose level the report leaves
# open are rejected and listed rather than guessed (--skip-rejected).
set -eu
fuwu=${FUWU:-.build/debug/fuwu}
ref=data/reference
"$fuwu" import "$ref/futian_library_buildings_planetgis_wgs84_gcj02.csv" --mapping "$ref/import/library-buildings.toml" \
    --into data/futian --provenance reference --lang en
"$fuwu" import "$ref/shenzhen_public_service_standards_metadata.csv" --mapping "$ref/import/standards-metadata.toml" \
    --into data/futian --provenance reference --lang en
"$fuwu" import "$ref/futian_report_named_standards.csv" --mapping "$ref/import/report-named-standards.toml" \
    --into data/futian --provenance reference --skip-rejected --lang en
