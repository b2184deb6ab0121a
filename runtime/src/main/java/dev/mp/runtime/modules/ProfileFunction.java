package dev.mp.runtime.modules;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.MaterializedFrame;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.MpException;
import dev.mp.runtime.nodes.MpRootNode;
import dev.mp.runtime.nodes.ProfileHook;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.ops.Calls;

/**
 * A profile function of {@code sys.setprofile}: called as {@code func(frame, event, arg)} with the events
 * {@code 'call'} (arg None) and {@code 'return'} (arg the value returned, None when raising) of mp code. As in
 * CPython, a function that raises is unset and its exception goes on in the program.
 */
final class ProfileFunction extends ProfileHook {
    private final MpContext context;
    final Object function;

    ProfileFunction(MpContext context, Object function) {
        this.context = context;
        this.function = function;
    }

    @Override
    @TruffleBoundary
    protected void onCall(MpRootNode root, MaterializedFrame frame) {
        report(frame, "call", PNone.NONE);
    }

    @Override
    @TruffleBoundary
    protected void onReturn(MpRootNode root, MaterializedFrame frame, Object value) {
        report(frame, "return", value);
    }

    private void report(MaterializedFrame frame, String event, Object arg) {
        try {
            Calls.call(function, new SysModule.FrameObject(frame, 0), event, arg);
        } catch (MpException e) {
            if (context.profileHook() == this) {
                context.setProfileHook(null);
            }
            throw e;
        }
    }

    /** {@code sys.setprofile(func)}: None unsets. */
    static Object set(MpContext context, Object function) {
        context.setProfileHook(function == PNone.NONE ? null : new ProfileFunction(context, function));
        return PNone.NONE;
    }

    /** {@code sys.getprofile()}: the function set on this thread, or None. */
    static Object get(MpContext context) {
        return context.profileHook() instanceof ProfileFunction hook ? hook.function : PNone.NONE;
    }
}
