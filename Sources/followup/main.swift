import FollowUpCLI

FollowUpProgram.main()
