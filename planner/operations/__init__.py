"""Changing: the only code that creates, changes and deletes records. It flushes; the caller commits."""
