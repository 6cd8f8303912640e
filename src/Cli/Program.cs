return SchemaNorm.Cli.CommandLine.Run(args, Console.Out, Console.Error);
