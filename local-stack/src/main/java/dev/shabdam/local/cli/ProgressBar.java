package dev.shabdam.local.cli;

import java.io.PrintStream;

/** A one-line progress bar on the terminal, redrawn in place. */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintStream out;

    ProgressBar(PrintStream out) {
        this.out = out;
    }

    void show(double fraction, String label) {
        double clamped = Math.max(0, Math.min(1, fraction));
        int filled = (int) Math.round(clamped * WIDTH);
        out.printf(
                "\r[%s%s] %3d%% %-24s",
                "#".repeat(filled), "-".repeat(WIDTH - filled), Math.round(clamped * 100), label == null ? "" : label);
        out.flush();
    }

    void finish(String label) {
        show(1, label);
        out.println();
    }
}
