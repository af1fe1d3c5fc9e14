"""The terminal interface (Textual). It reads the engine and hands it actions; it never edits state itself."""
