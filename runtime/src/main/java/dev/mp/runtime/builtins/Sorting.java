package dev.mp.runtime.builtins;

import java.util.ArrayList;
import java.util.List;

import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Comparisons;
import dev.mp.runtime.ops.Conversions;

/** list.sort and sorted(): stable, with key and reverse, comparing with {@code <} as Python does. */
final class Sorting {
    private Sorting() {
    }

    static void sort(List<Object> items, Object key, boolean reverse) {
        List<Object> keys = new ArrayList<>(items.size());
        for (Object o : items) {
            keys.add(key == PNone.NONE ? o : Calls.call(key, o));
        }
        Integer[] order = new Integer[items.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> {
            Object a = keys.get(x);
            Object b = keys.get(y);
            if (reverse) {
                Object t = a;
                a = b;
                b = t;
            }
            if (Conversions.isTrue(Comparisons.compare(a, b, Comparisons.Op.LT))) {
                return -1;
            }
            if (Conversions.isTrue(Comparisons.compare(b, a, Comparisons.Op.LT))) {
                return 1;
            }
            return 0;
        });
        List<Object> sorted = new ArrayList<>(items.size());
        for (Integer i : order) {
            sorted.add(items.get(i));
        }
        items.clear();
        items.addAll(sorted);
    }
}
