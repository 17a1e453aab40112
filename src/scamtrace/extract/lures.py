"""How the scam reached the victim (``lures``) and the script it followed (``script``).

Both are weak signals: linking may use them to tip a close decision, and the
classifier reads them. Ids are stable; add phrases freely, rename ids never.
"""

from __future__ import annotations

LURES: dict[str, tuple[str, ...]] = {
    "popup": (
        "popup", "pop up|ups", "popped up", "pop-up", "full screen", "browser locked|froze|frozen", "screen froze",
        "computer froze", "warning on my|the|her|his screen", "message on screen", "message on my screen",
        "alarm", "beeping", "blue screen", "do not shut|restart|turn", "don t shut|restart|turn",
        "screen said", "computer said", "laptop showed", "notification on my", "voice saying",
    ),
    "cold_call": (
        "called me", "rang me", "phoned me", "got a call|phone call", "received a call|phone call|cold call|voicemail",
        "cold call", "cold called", "calling me", "keep calling", "keeps calling", "voicemail from", "call from",
        "recorded message", "recorded voice", "robocall", "automated call", "man rang", "lady rang", "someone rang",
        "man called", "woman called", "lady called", "someone called", "caller said", "caller claimed", "got calls",
        "whatsapp call", "calls from",
    ),
    "search_ad": (
        "searched", "searching", "google search", "bing", "advertisement", "sponsored", "first result", "ad on",
        "clicked the first", "search results",
    ),
    "renewal_invoice": (
        "auto renewal", "auto renew", "auto renewed", "automatic renewal", "renewed", "has renewed", "cancellation",
        "renewal and|email|invoice|charge|fee|notice|call|for|of|payment|receipt|order|bill|reminder|confirmation",
        "subscription renewal", "membership renewal", "invoice for|from|of|email|number|no|id|pdf|inv",
        "fake invoice", "an invoice", "paypal invoice", "order confirmation", "been charged", "was charged",
        "will be charged", "will be deducted", "to cancel", "cancel the order|subscription|charge|renewal",
        "if not you", "didn t authorise|authorize", "did not authorise|authorize", "dispute", "unauthorised|unauthorized",
        "ordered on my account", "order for", "order of", "was ordered", "been ordered", "someone bought|ordered|purchased",
        "suspicious order|purchase|charge|transaction", "unauthorised|unauthorized order|purchase|charge",
    ),
    "refund": (
        "refund", "refunded", "overpaid", "over paid", "too much", "by mistake", "extra zero", "sent back",
        "send back", "send the rest back", "return the", "pay back", "owed a refund", "compensation",
    ),
    "email": ("email", "e mail", "emailed", "inbox"),
    "sms": ("text", "texted", "sms", "text message"),
    "remote_access": (
        "remote access", "remoted", "remote control", "took control", "take control", "control of my|her|his",
        "connected to my|her|his", "got into my|her|his", "screen sharing", "download an app", "install an app",
        "took over",
    ),
    "gift_cards": ("gift card", "gift cards", "google play", "itunes card|cards", "steam card|cards", "target cards"),
    "crypto_atm": ("bitcoin atm", "crypto atm", "coinflip", "bitcoin machine", "btm"),
    "bank_impersonation": (
        "safe account", "fraud department", "fraud team", "fraud dept", "kyc", "account will be blocked|freezed|frozen|suspended",
        "account is blocked|compromised", "account was compromised", "verify a payment", "yono", "net banking blocked",
    ),
    "government": (
        "warrant", "arrest", "arrested", "tax fraud", "back taxes", "unpaid tax", "lawsuit", "legal case", "ssn",
        "social security number", "tax file number", "drug trafficking", "police will", "rcmp", "digital arrest",
        "illegal activity", "fine", "customs duty",
    ),
    "prize": ("won", "winner", "lottery", "sweepstakes", "jackpot", "prize", "mega millions", "euro millions", "lucky draw"),
    "romance": (
        "dating", "dating site", "dating app", "met online", "met on", "boyfriend", "girlfriend", "loves me", "love",
        "hinge", "tinder", "bumble", "match com", "oil rig", "marry", "facebook friend", "widower",
        "met a woman|man|lady|guy|girl|gentleman", "fell in love", "in love", "sweetheart", "plane ticket",
        "flight ticket", "come visit", "peacekeeping", "army captain", "us army",
    ),
    "investment": (
        "invest", "investment", "investing", "trading platform|bot|app|account|site", "forex", "forex trading",
        "crypto trading", "day trading", "trade", "returns", "profits", "profit",
        "trading platform", "trading bot", "withdraw my profits|funds|money|earnings", "withdrawal fee|tax|charge",
        "mining", "staking", "broker",
        "part time job", "tasks", "unlock higher", "commission", "usdt", "mentor", "double your", "get 0 2 back",
    ),
    "delivery": (
        "package", "parcel", "delivery", "redelivery", "delivered", "shipment", "tracking", "customs fee",
        "held at customs", "courier",
    ),
    "sextortion": ("videos of me", "webcam", "intimate", "release videos", "adult site", "recorded you"),
    "not_a_scam": (
        "not a scam", "nobody has called|contacted", "no one has called|contacted", "no contact from", "verified genuine",
        "really was them", "was genuine", "it was genuine", "is * a real website", "want to know if i have",
        "just want to know", "genuine complaint", "i just want to know",
    ),
}  # fmt: skip

SCRIPT: dict[str, tuple[str, ...]] = {
    "ip_compromised": (
        "ip address is|was|has|being compromised|hacked", "ip is|was compromised|hacked", "ip was being used",
        "your ip", "my ip", "ip address compromised",
    ),
    "event_viewer": ("event viewer", "eventvwr"),
    "netstat": ("netstat",),
    "tree_command": ("typed tree", "type tree"),
    "hackers": ("hackers", "hacker", "hacked", "hacking", "compromised"),
    "computer_problem": (
        "problem with my|your|the|her|his computer|windows|pc|laptop|router|modem|internet|printer",
        "windows computer", "computer has|had a virus|problem|malware", "computer is|was infected|hacked|broken|compromised",
        "computer was at risk", "computer is at risk", "called about my computer", "turn it on", "turn on my|the|your computer", "computer has been hacked", "printer was hacked",
        "router was hacked|compromised|infected", "modem", "internet would be disconnected|cut",
    ),
    "account_locked": (
        "account will be deleted|suspended|locked|closed|blocked|disabled", "account is|was locked|suspended|blocked|compromised",
        "account has been locked|suspended|blocked|compromised", "apple id was|is locked|suspended|disabled",
        "apple id has been locked|suspended|disabled",
    ),
    "device": (
        "computer", "laptop", "pc", "desktop", "printer", "router", "macbook", "imac", "mac", "ipad", "windows", "browser",
        "broadband", "internet", "wifi", "wi fi", "modem", "tech support", "technical support", "technician", "antivirus",
        "anti virus", "firewall", "icloud", "driver",
    ),
    "tss_named": (
        "tech support scam", "tech scam", "computer scam", "support scam", "pc repair scam", "technical support scam",
        "tech support fraud", "windows scam", "popup scam", "pop up scam", "refund scam", "remote access scam",
    ),
    "tech_words": (
        "tech support", "technical support", "technician", "pc repair", "computer repair", "fix my pc", "it support",
        "support plan", "tech name", "remote access", "remoted", "fix my computer", "customer support",
    ),
    "pornographic": ("pornographic", "porn", "pornography", "adult content"),
    "firewall_expired": ("firewall expired", "firewall has expired", "firewall is expired", "firewall warning", "firewall"),
    "license_expired": (
        "license expired", "licence expired", "license has expired", "licence has expired", "license is expiring",
        "licence is expiring", "license is expired", "licence is expired", "warranty expired", "had expired",
        "has expired", "license with microsoft", "subscription expired", "windows license", "windows licence",
    ),
    "virus_detected": (
        "virus", "viruses", "infected", "infection", "infections", "malware", "spyware", "trojan", "zeus",
        "error code", "errors", "error messages",
    ),
    "do_not_shut_down": ("do not shut down", "do not restart", "do not turn off", "don t shut down", "don t restart", "don t turn off"),
    "computer_blocked": (
        "computer is|has|was blocked|locked", "computer has been blocked|locked", "pc is|has|was blocked|locked",
        "pc has been blocked|locked", "access to this pc", "system is infected", "blocked your computer",
    ),
    "syskey_lock": ("syskey", "locked with a password", "locked my computer", "locked the computer"),
    "black_screen": ("screen went black|dark|blank", "black screen", "screen turned black", "blank screen"),
    "overpaid_refund": (
        "refunded too much", "sent too much", "too much money", "by mistake", "overpaid", "extra zero",
        "instead of", "typed in", "too many zeros", "too many zeroes", "overpayment", "fake deposit", "extra money",
        "fake refund", "refund scam", "accidentally refunded", "deposited too much", "send back", "sent back",
        "pay back", "paid back", "give back", "send it back", "send the money back",
        "send back the", "return the difference", "send the difference", "the rest back", "send the rest",
        "return the extra", "refund the extra",
    ),
    "sending_errors": ("sending error", "sending out error", "sending viruses", "sending virus", "sending out viruses"),
    "foreign_hackers": ("russia", "russian hackers", "china", "chinese hackers", "nigeria", "foreign hackers"),
    "banking_at_risk": (
        "bank info was stolen", "bank account was hacked", "access your bank", "access to my bank",
        "access my bank", "bank details", "banking information",
    ),
    "lifetime_plan": ("lifetime", "network security", "security plan", "protection plan", "support plan"),
    "command_prompt": ("command prompt", "black window", "cmd"),
}  # fmt: skip
