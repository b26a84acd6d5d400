import ArgumentParser
import GlossCore

extension ItemOrder: ExpressibleByArgument {}
