%% The three actor programs in Erlang, run beside the Lua ones by bench/actors/run.mjs (erl +S 1): ping-pong,
%% a ring of processes passing a token, and spawn + 'DOWN' notice to a monitor. Prints "name rate" lines (per second).
-module(actors).
-export([main/1]).

main([PP, RingSize, Hops, Spawns]) ->
    report(pingpong, 2 * PP, timer:tc(fun() -> pingpong(PP) end)),
    report(ring, Hops, timer:tc(fun() -> ring(RingSize, Hops) end)),
    report(spawnexit, Spawns, timer:tc(fun() -> spawnexit(Spawns) end)).

report(Name, N, {Us, _}) ->
    io:format("~s ~.3f ~.1f~n", [Name, N / (Us / 1.0e6), Us / 1000]).

pong() ->
    receive {From, 0} -> From ! {self(), 0};
            {From, N} -> From ! {self(), N}, pong()
    end.

pingpong(N) ->
    P = spawn(fun pong/0),
    ping(P, N).
ping(P, N) ->
    P ! {self(), N},
    receive {P, _} -> ok end,
    if N =:= 0 -> ok; true -> ping(P, N - 1) end.

ring(Size, Hops) ->
    Root = self(),
    Pids = [spawn(fun() -> ringnode(Root) end) || _ <- lists:seq(1, Size)],
    Nexts = tl(Pids) ++ [hd(Pids)],
    [P ! {next, Nx} || {P, Nx} <- lists:zip(Pids, Nexts)],
    hd(Pids) ! {t, Hops},
    receive done -> ok end,
    [exit(P, kill) || P <- Pids],
    ok.
ringnode(Root) ->
    receive {next, Nx} -> ringloop(Root, Nx) end.
ringloop(Root, Nx) ->
    receive
        {t, 0} -> Root ! done;
        {t, N} -> Nx ! {t, N - 1}, if N =:= 1 -> ok; true -> ringloop(Root, Nx) end
    end.

spawnexit(0) -> ok;
spawnexit(N) ->
    {_, Ref} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', Ref, process, _, _} -> ok end,
    spawnexit(N - 1).
