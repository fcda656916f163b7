"""Making bundles without the generator: drafts sealed into bundles, spreadsheet intake."""
