package dev.mp.runtime.nodes.function;

import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.MaterializedFrame;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.source.Source;

import dev.mp.runtime.MpException;
import dev.mp.runtime.nodes.CallStack;
import dev.mp.runtime.nodes.MpRootNode;
import dev.mp.runtime.nodes.MpStatementNode;
import dev.mp.runtime.nodes.controlflow.ReturnException;
import dev.mp.runtime.objects.PNone;

/** Runs a generator's body in its saved frame: arguments {@code [frame, generator]}. Returns the return value. */
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
        if (context.profileHook != null) {
            context.profileHook.call(this, generatorFrame);
        }
        try {
            body.execute(generatorFrame);
            return profiled(context, generatorFrame, PNone.NONE);
        } catch (ReturnException r) {
            return profiled(context, generatorFrame, r.value);
        } catch (YieldException y) {
            // A yield leaves the body as a return does, for a profiler.
            profiled(context, generatorFrame, y.value);
            throw y;
        } catch (MpException e) {
            e.leaveFrame();
            profiled(context, generatorFrame, PNone.NONE);
            throw e;
        } finally {
            if (stack != null) {
                stack.pop();
            }
        }
    }

    private Object profiled(dev.mp.runtime.MpContext context, MaterializedFrame frame, Object value) {
        if (context.profileHook != null) {
            context.profileHook.returned(this, frame, value);
        }
        return value;
    }
}
