package dev.mp.runtime.nodes.function;

import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.MaterializedFrame;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.source.Source;

import dev.mp.runtime.MpException;
import dev.mp.runtime.nodes.CallStack;
import dev.mp.runtime.nodes.ProfileHook;
import dev.mp.runtime.nodes.MpRootNode;
import dev.mp.runtime.nodes.MpStatementNode;
import dev.mp.runtime.nodes.controlflow.Completion;
import dev.mp.runtime.nodes.controlflow.ReturnException;
import dev.mp.runtime.objects.PNone;

/**
 * Runs a generator's body in its saved frame: arguments {@code [frame, generator]}. Returns the return value, or a
 * {@link Completion.Suspend} when a yield statement suspended it (a yield inside an expression unwinds with a
 * {@link YieldException} instead).
 */
public final class GeneratorBodyRootNode extends MpRootNode {
    @Child private MpStatementNode body;

    public GeneratorBodyRootNode(TruffleLanguage<?> language, String name, Source source, MpStatementNode body) {
        super(language, new FrameDescriptor(), name, source);
        this.body = body;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        if (frame.getArguments() == PREPARE_ONLY) {
            return PNone.NONE;
        }
        MaterializedFrame generatorFrame = (MaterializedFrame) frame.getArguments()[0];
        CallStack stack = CallStack.current();
        if (stack != null) {
            stack.push(this, generatorFrame);
        }
        // The generator's function keeps its context: no context look-up per resumption.
        dev.mp.runtime.MpContext context = ((dev.mp.runtime.objects.PFunction) generatorFrame.getArguments()[0]).context();
        ProfileHook hook = ProfileHook.of(this, context);
        if (hook != null) {
            hook.call(this, generatorFrame);
        }
        try {
            Object completion = body.executeReturning(generatorFrame);
            if (completion instanceof Completion.Suspend suspended) {
                // A yield leaves the body as a return does, for a profiler.
                profiled(hook, generatorFrame, suspended.value);
                return completion;
            }
            return profiled(hook, generatorFrame, completion == null ? PNone.NONE : completion);
        } catch (ReturnException r) {
            return profiled(hook, generatorFrame, r.value);
        } catch (YieldException y) {
            // A yield leaves the body as a return does, for a profiler.
            profiled(hook, generatorFrame, y.value);
            throw y;
        } catch (MpException e) {
            e.leaveFrame();
            profiled(hook, generatorFrame, PNone.NONE);
            throw e;
        } finally {
            if (stack != null) {
                stack.pop();
            }
        }
    }

    private Object profiled(ProfileHook hook, MaterializedFrame frame, Object value) {
        if (hook != null) {
            hook.returned(this, frame, value);
        }
        return value;
    }
}
