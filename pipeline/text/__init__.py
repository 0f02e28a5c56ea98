"""One set of Chinese text tools shared by the stages: characters (``chars``), chrome cues
(``chrome``), numerals (``numerals``) and the date grammar (``dates``)."""
