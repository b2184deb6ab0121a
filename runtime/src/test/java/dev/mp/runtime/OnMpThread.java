package dev.mp.runtime;

import java.util.concurrent.Callable;

/** Runs test code on an {@link MpThread}, as bin/mp runs a program, and hands back its result or its exception. */
public final class OnMpThread {
    private OnMpThread() {
    }

    public static <T> T call(Callable<T> task) throws Throwable {
        Object[] outcome = new Object[1];
        Thread thread = new MpThread(() -> {
            try {
                outcome[0] = task.call();
            } catch (Throwable e) {
                outcome[0] = e;
            }
        }, "mp-test", 512L * 1024 * 1024);
        thread.start();
        thread.join();
        if (outcome[0] instanceof Throwable e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        T result = (T) outcome[0];
        return result;
    }
}
