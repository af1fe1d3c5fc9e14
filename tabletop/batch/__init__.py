"""Many games at once: tournaments of computer opponents and the balance checks."""
