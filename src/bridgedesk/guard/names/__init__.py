"""Names that imitate ours: domains compared with the official ones by homoglyph skeleton, typo distance and brand-in-label rules."""
