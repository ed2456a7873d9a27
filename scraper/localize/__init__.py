"""Localized copies of the page: which language a copy is in, its rows keyed to the English
page's ids (match), and how far it lags behind the English page (drift)."""
