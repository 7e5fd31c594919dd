package dev.userlifecycle.app.importing;

/** Thrown by a line format for a line it cannot read; the import reports it and goes on. */
final class RejectedLine extends Exception {

    RejectedLine(String reason) {
        super(reason, null, false, false);
    }
}
