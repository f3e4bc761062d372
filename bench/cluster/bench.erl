%% npm run bench:cluster's Erlang side: the programs of bench/cluster/app on two Erlang nodes (distribution over
%% TCP on loopback). main([BNode, Pings, Members, Tokens, Hops, Streamed]) prints NAME COUNT MICROSECONDS per program.
-module(bench).
-export([main/1, echo/0, member/1, sink/2]).

us() -> erlang:monotonic_time(microsecond).

echo() -> receive {From, Msg} -> From ! {self(), Msg}, echo() end.

ping_pong(Node, N) ->
    E = spawn(Node, bench, echo, []),
    T0 = us(),
    pp(E, 1, N),
    io:format("pingpong ~p ~p~n", [N, us() - T0]),
    exit(E, kill).
pp(_, I, N) when I > N -> ok;
pp(E, I, N) -> E ! {self(), #{i => I}}, receive {E, _} -> pp(E, I + 1, N) end.

member(Report) -> receive {next, Next} -> loop(Report, Next) end.
loop(Report, Next) ->
    receive
        {t, 0} -> Report ! spent, loop(Report, Next);
        {t, H} -> Next ! {t, H - 1}, loop(Report, Next)
    end.

ring(Node, M, T, H) ->
    Me = self(),
    Pids = list_to_tuple([case I rem 2 of 1 -> spawn(bench, member, [Me]); 0 -> spawn(Node, bench, member, [Me]) end || I <- lists:seq(1, M)]),
    [element(I, Pids) ! {next, element(I rem M + 1, Pids)} || I <- lists:seq(1, M)],
    T0 = us(),
    [element(I, Pids) ! {t, H} || I <- lists:seq(1, T)],
    [receive spent -> ok end || _ <- lists:seq(1, T)],
    io:format("ring ~p ~p~n", [T * H, us() - T0]),
    [exit(P, kill) || P <- tuple_to_list(Pids)].

sink(Report, N) -> count(Report, N, N).
count(Report, N, 0) -> Report ! {done, N};
count(Report, N, K) -> receive {m, _} -> count(Report, N, K - 1) end.

stream(Node, N) ->
    S = spawn(Node, bench, sink, [self(), N]),
    T0 = us(),
    send_all(S, 1, N),
    receive {done, _} -> ok end,
    io:format("stream ~p ~p~n", [N, us() - T0]).
send_all(_, I, N) when I > N -> ok;
send_all(S, I, N) -> S ! {m, I}, send_all(S, I + 1, N).

main([BNode, Pings, Members, Tokens, Hops, Streamed]) ->
    Node = list_to_atom(BNode),
    pong = net_adm:ping(Node),
    [P, M, T, H, St] = [list_to_integer(X) || X <- [Pings, Members, Tokens, Hops, Streamed]],
    ping_pong(Node, P),
    ring(Node, M, T, H),
    stream(Node, St),
    halt(0).
