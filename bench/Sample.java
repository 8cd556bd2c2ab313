package bench;

/** What one call returned: its rows and, for JSON answers, the server's planning time (NaN otherwise). */
record Sample(long rows, double planMillis) {
}
