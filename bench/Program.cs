using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "recovery") return SchemaNorm.Bench.Recovery.RecoveryCheck.Run(args[1..]);
if (args.Length > 0 && args[0] == "discovery-check") return SchemaNorm.Bench.Discovery.DiscoveryCheck.Run(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
