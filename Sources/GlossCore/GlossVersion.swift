public enum GlossVersion { public static let current = "0.1.0" }
