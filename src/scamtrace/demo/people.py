"""Names: victims, their relatives, mule account holders and telecallers' aliases.

Victim first names lean to the generations scams target most (over-60s in
tech support). Telecaller aliases follow the well-known pattern: a handful of
plain Anglo names reused by many centres, which is why an alias alone never
links two reports.
"""

from __future__ import annotations

# fmt: off
# (female names, male names) per country, so that pronouns in agents' summaries fit.
FIRST_NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "US": (("Mary", "Patricia", "Linda", "Barbara", "Carol", "Shirley", "Judith", "Dorothy",
            "Betty", "Joan", "Margaret", "Sandra", "Donna", "Nancy", "Karen", "Sharon",
            "Jennifer", "Jessica", "Ashley", "Maria", "Gloria", "Eleanor", "Ruth", "Marilyn"),
           ("Robert", "James", "John", "William", "Richard", "Donald", "Ronald", "Gary",
            "Larry", "Thomas", "Charles", "George", "Kenneth", "Dennis", "Jerry", "Frank",
            "Michael", "Brian", "Jason", "Jose", "Harold", "Walter")),
    "GB": (("Margaret", "Jean", "Sheila", "Pauline", "Maureen", "Susan", "Christine", "Brenda",
            "Janet", "Valerie", "Gillian", "Hilary", "Rosemary", "Fiona", "Moira", "Sophie",
            "Emma", "Siobhan"),
           ("Brian", "Colin", "Derek", "Keith", "Graham", "Alan", "Geoffrey", "Trevor",
            "Malcolm", "Peter", "David", "Ian", "Nigel", "Barry", "Kevin", "Gareth", "Iain",
            "Rhys")),
    "CA": (("Lise", "Denise", "Ginette", "Diane", "Lorraine", "Brenda", "Marlene", "Heather",
            "Bev", "Darlene", "Cathy", "Francine", "Harpreet"),
           ("Gilles", "Réjean", "Claude", "Gordon", "Doug", "Wayne", "Gerald", "Murray", "Ron",
            "Wei", "Jean-Guy")),
    "AU": (("Glenda", "Lorraine", "Kerry", "Raelene", "Wendy", "Sharon", "Julie", "Dianne",
            "Robyn", "Leanne", "Narelle", "Mei", "Noeline"),
           ("Bruce", "Ian", "Graeme", "Neville", "Colin", "Trevor", "Darren", "Craig", "Stavros",
            "Giuseppe", "Merv")),
    "IN": (("Sunita", "Anita", "Priya", "Pooja", "Kavita", "Sneha", "Meena", "Sarita", "Neha",
            "Lakshmi", "Shalini", "Ayesha"),
           ("Ramesh", "Suresh", "Rahul", "Amit", "Sanjay", "Deepak", "Arjun", "Vikram", "Rajesh",
            "Anil", "Manoj", "Rohit", "Venkatesh", "Arun", "Debasish", "Sourav", "Gurpreet",
            "Farhan")),
}

LAST_NAMES: dict[str, tuple[str, ...]] = {
    "US": ("Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Garcia",
           "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Martin", "Jackson", "White",
           "Harris", "Clark", "Lewis", "Walker", "Hall", "Allen", "Young", "King", "Wright",
           "Scott", "Green", "Baker", "Nelson", "Carter", "Mitchell", "Roberts", "Turner",
           "Phillips", "Campbell", "Parker", "Evans", "Edwards", "Collins", "Stewart",
           "Morris", "Murphy", "Cook", "Rogers", "Morgan", "Peterson", "Cooper", "Reed",
           "Kowalski", "Nguyen", "Hernandez", "O'Brien", "Schmidt", "Larson"),
    "GB": ("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies",
           "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green",
           "Hall", "Wood", "Jackson", "Clarke", "Hughes", "Edwards", "Turner", "Cooper",
           "Harrison", "Ward", "Morgan", "Bell", "Patel", "Khan", "MacDonald", "Campbell",
           "Thomas", "Price", "Fletcher", "Pritchard"),
    "CA": ("Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie",
           "Smith", "Brown", "MacDonald", "Wilson", "Martin", "Thompson", "Campbell", "Anderson",
           "Singh", "Li", "Fraser", "McKenzie", "Chan", "Leblanc"),
    "AU": ("Smith", "Jones", "Williams", "Brown", "Wilson", "Taylor", "Johnson", "White",
           "Martin", "Anderson", "Thompson", "Nguyen", "Thomas", "Walker", "Harris", "Lee",
           "Ryan", "Robinson", "Kelly", "King", "Papadopoulos", "Russo", "O'Connor", "Murray"),
    "IN": ("Sharma", "Verma", "Gupta", "Singh", "Kumar", "Patel", "Shah", "Reddy", "Rao",
           "Nair", "Iyer", "Banerjee", "Chatterjee", "Mukherjee", "Das", "Ghosh", "Bose",
           "Joshi", "Mehta", "Agarwal", "Yadav", "Mishra", "Pandey", "Khan", "Menon",
           "Pillai", "Chauhan", "Saxena", "Kulkarni", "Deshmukh"),
}

# Aliases half the industry uses. A linker that trusts "Kevin Smith" merges
# unrelated centres.
POPULAR_ALIASES: tuple[str, ...] = (
    "Kevin Smith", "John", "Mark Wilson", "Steve", "David", "Kevin", "Mike", "Daniel",
    "Alex", "Jack", "John Smith", "Peter", "Steve Martin", "David Miller", "Sam",
)
ALIAS_FIRST: tuple[str, ...] = (
    "Kevin", "Jack", "Daniel", "Ryan", "Sam", "Mark", "Jason", "Brian", "Eric", "Justin",
    "Chris", "Tony", "Andrew", "Adam", "Nick", "Victor", "Henry", "Jerry", "Leo", "Max",
    "Alan", "Patrick", "Roger", "Harry", "Dave", "Tom", "Bob", "Martin",
)
ALIAS_LAST: tuple[str, ...] = (
    "Smith", "Wilson", "Miller", "Johnson", "Williams", "Brown", "Anderson", "Clark",
    "Walker", "Parker", "Morgan", "Cooper", "Harris", "Baker", "Carter", "Adams",
    "Thompson", "Lewis", "Scott", "Collins", "Stone", "Gray", "Ford", "Blake",
)
# Names Indian-facing rings give ("Inspector Vikram Singh", "Rahul from customer care").
IN_ALIASES: tuple[str, ...] = (
    "Vikram Singh", "Rajesh Sharma", "Rahul", "Sunil Yadav", "Amit Kumar", "Inspector Pradeep",
    "Vijay Kumar", "Neha", "Ankit", "Sanjay Verma", "Ravi", "Deepak Sharma", "Manoj", "Pooja",
)  # fmt: skip

# Badge-style titles the scripts use after the alias.
ALIAS_TITLES: tuple[str, ...] = (
    "senior technician", "level 2 engineer", "certified technician", "supervisor",
    "security analyst", "refund officer", "Microsoft certified engineer",
    "fraud analyst", "billing supervisor", "tech lead",
)

# Individuals recruited as money mules ("work from home payment processor").
MULE_NAMES: dict[str, tuple[str, ...]] = {
    "US": ("Maria Gonzalez", "James Carter", "Tina Brooks", "Derrick Hale", "Linda Moss",
           "Carlos Rivera", "Kimberly Shaw", "Anthony Price", "Brenda Fields", "Jamal Reed",
           "Rosa Medina", "Gary Tillman", "Yolanda Pierce", "Harold Finch", "Stacy Nolan"),
    "GB": ("Adeel Khan", "Tom Reed", "Chloe Mason", "Jordan Pike", "Bilal Hussain",
           "Natalie Rowe", "Callum Hart", "Priya Lal"),
    "IN": ("Rahul Kumar", "Sunita Devi", "Mohd Arif", "Sanjay Paswan", "Pinki Kumari",
           "Ravi Shankar Yadav", "Abdul Rehman", "Suman Mondal", "Bikash Roy", "Raju Sah",
           "Anjali Singh", "Manish Prajapati"),
}
SHELL_WORDS_A: tuple[str, ...] = (
    "Tech", "PC", "Digital", "Net", "Cyber", "Cloud", "Secure", "Swift", "Prime", "Smart",
    "Elite", "Omni", "Global", "Info", "Apex", "Nova", "Blue Wave", "Pixel", "Quantum",
)
SHELL_WORDS_B: tuple[str, ...] = (
    "Solutions", "Fix", "Care", "Shield", "Support", "Help", "Services", "Guard", "Systems",
    "Assist", "Desk", "Works", "Connect", "Logic",
)
SHELL_WORDS_C: tuple[str, ...] = ("", "", "", " USA", " Global", " Online", " Pro", " 24x7", " Direct", " Plus")
SHELL_SUFFIX: dict[str, tuple[str, ...]] = {
    "US": ("LLC", "Inc", "Corp", "LLC", "Group LLC"),
    "GB": ("Ltd", "Ltd", "Services Ltd", "UK Ltd"),
    "IN": ("Pvt Ltd", "Private Limited", "Enterprises", "Infotech", "Solutions"),
}
# fmt: on

EMAIL_DOMAINS: dict[str, tuple[str, ...]] = {
    "US": (
        "gmail.com",
        "yahoo.com",
        "aol.com",
        "hotmail.com",
        "comcast.net",
        "att.net",
        "verizon.net",
        "sbcglobal.net",
        "icloud.com",
        "bellsouth.net",
    ),
    "GB": (
        "btinternet.com",
        "hotmail.co.uk",
        "yahoo.co.uk",
        "sky.com",
        "talktalk.net",
        "gmail.com",
        "outlook.com",
        "virginmedia.com",
    ),
    "CA": ("shaw.ca", "rogers.com", "sympatico.ca", "gmail.com", "hotmail.com", "videotron.ca"),
    "AU": ("bigpond.com", "optusnet.com.au", "gmail.com", "iinet.net.au", "hotmail.com"),
    "IN": ("gmail.com", "rediffmail.com", "yahoo.co.in", "gmail.com", "outlook.com"),
}

# How a relative names the victim: (possessive phrase, pronoun he/she, his/her, him/her).
RELATIVES: tuple[tuple[str, str, str, str], ...] = (
    ("my dad", "he", "his", "him"),
    ("my father", "he", "his", "him"),
    ("my mom", "she", "her", "her"),
    ("my mother", "she", "her", "her"),
    ("my grandmother", "she", "her", "her"),
    ("my grandpa", "he", "his", "him"),
    ("my aunt", "she", "her", "her"),
    ("my uncle", "he", "his", "him"),
    ("my neighbour", "she", "her", "her"),
    ("my father-in-law", "he", "his", "him"),
)
UK_RELATIVES: tuple[tuple[str, str, str, str], ...] = (
    ("my mum", "she", "her", "her"),
    ("my nan", "she", "her", "her"),
    ("my dad", "he", "his", "him"),
    ("my grandad", "he", "his", "him"),
    ("my mother-in-law", "she", "her", "her"),
)
