package dev.userlifecycle.app.importing;

import dev.userlifecycle.app.importing.ImportPlan.Step;

import java.util.List;

/**
 * The line through which every step is done, while the steps finish out of order on several threads: what the
 * checkpoint may record.
 */
final class Watermark {

    private final List<Step> steps;
    private final boolean[] done;
    private final int base;
    private int next;

    /** @param base the line through which an earlier run got, before the first step */
    Watermark(List<Step> steps, int base) {
        this.steps = steps;
        this.done = new boolean[steps.size()];
        this.base = base;
    }

    synchronized void done(int index) {
        done[index] = true;
        while (next < done.length && done[next]) {
            next++;
        }
    }

    synchronized int line() {
        return next == 0 ? base : steps.get(next - 1).slot();
    }

    synchronized boolean complete() {
        return next == done.length;
    }
}
