package dev.mp.runtime.nodes.function;

import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.source.Source;

import dev.mp.runtime.MpException;
import dev.mp.runtime.nodes.CallStack;
import dev.mp.runtime.nodes.MpRootNode;
import dev.mp.runtime.nodes.controlflow.BlockNode;
import dev.mp.runtime.objects.PNone;

/**
 * Module code. Argument 0 is the module whose namespace is the globals. Returns the value of a final expression statement,
 * for embedders and the REPL.
 */
public final class ModuleRootNode extends MpRootNode {
    @Child private BlockNode body;

    public ModuleRootNode(TruffleLanguage<?> language, FrameDescriptor descriptor, Source source, BlockNode body) {
        super(language, descriptor, "<module>", source);
        this.body = body;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        if (frame.getArguments() == PREPARE_ONLY) {
            return PNone.NONE;
        }
        CallStack stack = CallStack.current();
        if (stack != null) {
            stack.push(this, frame.materialize());
        }
        dev.mp.runtime.nodes.ProfileHook profile = profileHook();
        if (profile != null) {
            profile.call(this, frame.materialize());
        }
        try {
            return profiled(frame, body.executeWithResult(frame));
        } catch (MpException e) {
            e.leaveFrame();
            profiled(frame, PNone.NONE);
            throw e;
        } finally {
            if (stack != null) {
                stack.pop();
            }
        }
    }
}
