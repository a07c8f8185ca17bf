import ChanceryCLI

ChanceryCommand.main()
