package dev.mp.runtime.builtins;

import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Comparisons;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;

/**
 * list.sort and sorted(): a stable merge sort with key and reverse that compares only with {@code <}, as CPython.
 * As in CPython the list is empty while it is sorted (a key or comparison sees it so), a change made to it
 * meanwhile is "ValueError: list modified during sort", and an inconsistent {@code <} gives some order, never an
 * error of its own.
 */
final class Sorting {
    private Sorting() {
    }

    /** Below this many items a run is sorted by insertion. */
    private static final int INSERTION_RUN = 8;

    @TruffleBoundary
    static void sort(List<Object> items, Object key, boolean reverse) {
        Object[] values = items.toArray();
        items.clear();
        boolean completed = false;
        try {
            Object[] keys = new Object[values.length];
            for (int i = 0; i < values.length; i++) {
                keys[i] = key == PNone.NONE ? values[i] : Calls.call(key, values[i]);
            }
            int[] order = new int[values.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            mergeSort(order, new int[order.length], 0, order.length, keys, reverse);
            Object[] sorted = new Object[values.length];
            for (int i = 0; i < order.length; i++) {
                sorted[i] = values[order[i]];
            }
            values = sorted;
            completed = true;
        } finally {
            boolean modified = !items.isEmpty();
            items.clear();
            items.addAll(java.util.Arrays.asList(values));
            if (modified && completed) {
                throw Errors.valueError("list modified during sort");
            }
        }
    }

    /** Sorts {@code order[from, to)} by its keys, stably; {@code scratch} is as long as {@code order}. */
    private static void mergeSort(int[] order, int[] scratch, int from, int to, Object[] keys, boolean reverse) {
        if (to - from <= INSERTION_RUN) {
            for (int i = from + 1; i < to; i++) {
                int x = order[i];
                int j = i;
                while (j > from && less(keys, x, order[j - 1], reverse)) {
                    order[j] = order[j - 1];
                    j--;
                }
                order[j] = x;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(order, scratch, from, mid, keys, reverse);
        mergeSort(order, scratch, mid, to, keys, reverse);
        if (!less(keys, order[mid], order[mid - 1], reverse)) {
            return;
        }
        System.arraycopy(order, from, scratch, from, to - from);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            // Taking from the right only when strictly less keeps equal items in their order.
            order[k++] = less(keys, scratch[j], scratch[i], reverse) ? scratch[j++] : scratch[i++];
        }
        while (i < mid) {
            order[k++] = scratch[i++];
        }
        while (j < to) {
            order[k++] = scratch[j++];
        }
    }

    /** Whether item {@code x} sorts before item {@code y}: its key is less, or greater when reversed. */
    private static boolean less(Object[] keys, int x, int y, boolean reverse) {
        Object a = reverse ? keys[y] : keys[x];
        Object b = reverse ? keys[x] : keys[y];
        return Conversions.isTrue(Comparisons.compare(a, b, Comparisons.Op.LT));
    }
}
