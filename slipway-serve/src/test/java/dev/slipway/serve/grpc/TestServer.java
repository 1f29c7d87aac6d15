package dev.slipway.serve.grpc;

import dev.slipway.api.model.ModelRef;
import dev.slipway.serve.ServeHome;
import dev.slipway.serve.core.Authorizer;
import dev.slipway.serve.core.Call;
import dev.slipway.serve.core.CallObserver;
import dev.slipway.serve.core.CoreListener;
import dev.slipway.serve.core.CoreOptions;
import dev.slipway.serve.core.ErrorKind;
import dev.slipway.serve.core.Gateway;
import dev.slipway.serve.core.Inference;
import dev.slipway.serve.core.InferenceCore;
import inference.GRPCInferenceServiceGrpc;
import inference.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub;
import io.grpc.ChannelCredentials;
import io.grpc.ClientInterceptor;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real gRPC transport on a free port of 127.0.0.1, serving {@code adult-income@champion} and
 * {@code iris@champion} from a copy of the test home, and a channel to it.
 */
final class TestServer implements AutoCloseable {

    final ServeHome home;
    final InferenceCore core;
    final GrpcTransport transport;
    final Gateway gateway;

    /** What the gateway was told: {@code answered|failed <protocol> <request id> <model> ...}. */
    final Queue<String> calls;

    private final ManagedChannel channel;

    private TestServer(
            ServeHome home,
            InferenceCore core,
            Gateway gateway,
            Queue<String> calls,
            GrpcTransport transport,
            ManagedChannel channel) {
        this.home = home;
        this.core = core;
        this.gateway = gateway;
        this.calls = calls;
        this.transport = transport;
        this.channel = channel;
    }

    static TestServer start() {
        return start(Authorizer.allowAll(), local(), InsecureChannelCredentials.create(), true);
    }

    static GrpcOptions local() {
        return GrpcOptions.defaults().withAddress("127.0.0.1", 0);
    }

    static TestServer start(
            Authorizer authorizer,
            GrpcOptions options,
            ChannelCredentials credentials,
            boolean loadModels) {
        ServeHome home = ServeHome.copy();
        InferenceCore core =
                new InferenceCore(
                        home.registry(),
                        CoreOptions.defaults().withPollInterval(Duration.ZERO),
                        Clock.systemUTC(),
                        CoreListener.none());
        Queue<String> calls = new ConcurrentLinkedQueue<>();
        Gateway gateway = new Gateway(core, List.of(recorder(calls)));
        GrpcTransport transport;
        try {
            if (loadModels) {
                core.load(ModelRef.parse("adult-income@champion"));
                core.load(ModelRef.parse("iris@champion"));
            }
            transport = GrpcTransport.start(gateway, options, authorizer);
        } catch (RuntimeException e) {
            core.close();
            home.close();
            throw e;
        }
        ManagedChannel channel =
                Grpc.newChannelBuilderForAddress("127.0.0.1", transport.port(), credentials)
                        .overrideAuthority("localhost")
                        .build();
        return new TestServer(home, core, gateway, calls, transport, channel);
    }

    private static CallObserver recorder(Queue<String> calls) {
        return new CallObserver() {
            @Override
            public void answered(Call call, Inference result) {
                calls.add(
                        "answered %s %s %s %d"
                                .formatted(
                                        call.protocol().label(),
                                        call.requestId(),
                                        result.model(),
                                        result.outputs().rows()));
            }

            @Override
            public void failed(Call call, String model, Throwable error) {
                calls.add(
                        "failed %s %s %s %s"
                                .formatted(
                                        call.protocol().label(),
                                        call.requestId(),
                                        model,
                                        ErrorKind.of(error).label()));
            }
        };
    }

    GRPCInferenceServiceBlockingStub stub(ClientInterceptor... interceptors) {
        return GRPCInferenceServiceGrpc.newBlockingStub(channel).withInterceptors(interceptors);
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        transport.close();
        core.close();
        home.close();
    }
}
