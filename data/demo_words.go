package data

// Word lists of the demo congress: French names with accents, hyphens and
// particles, and names in other scripts, as at a federation's congress that
// welcomes overseas members and refugees.

var demoFirstNames = []string{
	"Éric", "Hélène", "Jean-Pierre", "Anne-Sophie", "Françoise", "Gaëlle", "Noël", "Zoé", "Maëlys", "Loïc",
	"Céline", "Jérôme", "Clémence", "Benoît", "Agnès", "Théo", "Léa", "Chloé", "Raphaël", "Inès",
	"Marie", "Nathalie", "Sébastien", "Stéphane", "Aurélie", "Frédéric", "Émilie", "Hervé", "Josée", "Gérard",
	"Camille", "Lucas", "Manon", "Hugo", "Sarah", "Thomas", "Julie", "Nicolas", "Sandrine", "Olivier",
	"Karim", "Fatou", "Mamadou", "Aïcha", "Yasmine", "Mehdi", "Samira", "Moussa", "Nour", "Ibrahima",
	"Marie-Claire", "Jean-Baptiste", "Pierre-Yves", "Marie-Hélène", "Anne-Laure", "Jean-François", "Louis-Marie",
	"Héloïse", "Anaïs", "Cécile", "Mélanie", "Maxime", "Valérie", "Joël", "Rémi", "Solène", "Régis",
	"Thi Thu", "Minh", "Kevin", "Priya", "Joaquín", "Björn", "Małgorzata", "Zoltán", "Şeyma", "Dragoș",
}

var demoLastNames = []string{
	"Béasse", "Dupont", "Lefèvre", "Le Goff", "de La Fontaine", "d'Arcy", "N'Diaye", "Da Silva", "Ben Salah", "Nguyễn",
	"Martin", "Bernard", "Petit", "Durand", "Moreau", "Lefebvre", "Garnier", "Faure", "Rousseau", "Blanc",
	"Guérin", "Boyer", "Gauthier", "Chevalier", "François", "Mercier", "Dumoulin", "Lemaître", "Hébert", "Brûlé",
	"Le Bihan", "Kerouédan", "Quéméneur", "Etchegoyen", "Iriart", "Santoni", "Rossi", "Lambert", "Fontaine", "Roux",
	"Diallo", "Traoré", "Camara", "Haddad", "Benali", "Boumediene", "Mendy", "Sy", "Konaté", "Cissé",
	"de Saint-Exupéry", "Van der Berg", "Dubois-Maréchal", "Laurent-Pérez", "Le Floc'h", "de l'Écluse", "Du Pré",
	"Payet", "Hoarau", "Grondin", "Lebon", "Pélage", "Jean-Louis", "Céleste", "Aubéry", "Théodore",
	"Kowalski", "Öztürk", "Müller", "García", "Ionescu", "Papadopoulos", "Tran", "Pham", "Nowak", "Schäfer",
}

// A few people write their names in their own script.
var demoOtherScripts = [][2]string{
	{"Алексей", "Иванов"}, {"Ольга", "Петренко"}, {"Γιώργος", "Παπαδόπουλος"}, {"Ελένη", "Κωνσταντίνου"},
	{"أحمد", "الحسيني"}, {"مريم", "حداد"}, {"王", "芳"}, {"李", "明"}, {"さくら", "田中"}, {"민준", "김"},
	{"Nguyễn Thị", "Hương"}, {"Trần Văn", "Đức"}, {"Ξανθή", "Ανδρέου"}, {"Дмитро", "Шевченко"},
}

// The 13 regional delegations, overseas ones included.
var demoRegions = []string{
	"Hauts-de-France", "Île-de-France", "Grand Est", "Normandie", "Bretagne", "Pays de la Loire",
	"Nouvelle-Aquitaine", "Occitanie", "Auvergne-Rhône-Alpes", "Provence-Alpes-Côte d'Azur",
	"Bourgogne-Franche-Comté", "La Réunion", "Antilles-Guyane",
}

var demoMemberOrgs = []string{
	"Les Jardins de Cocagne", "Recyclerie du Pays de Bray", "Envie", "La Table de Cana", "Tri'Cycle",
	"Bois et Compagnie", "Atelier Vélo Solidaire", "Humanis Intérim", "Id'ées Intérim", "Ressourcerie de l'Estuaire",
	"Chantier École du Littoral", "Les Fourmis Vertes", "Régie de Quartier Fives", "Le Relais", "Api'Up",
	"Maraîchage Solidaire du Hainaut", "Coup d'Pouce Emploi", "Rézo Services", "Océan Insertion", "Île Verte Réunion",
	"Karukera Insertion", "Madinina Recyclage", "Bâtir Ensemble", "Cuisine Mode d'Emploi", "La Conciergerie Solidaire",
	"Emmaüs Connect", "Lumière d'Insertion", "Les Ateliers du Bocage", "Textile Éthique de Roubaix", "Sud Intérim Solidaire",
}

var demoOrgKinds = []string{"ACI", "AI", "EI", "ETTI", "GES", "EI", "ACI", "ACI"}

var demoPartnerOrgs = []string{
	"France Travail", "Caisse des Dépôts", "Fondation Face", "Crédit Coopératif", "Macif", "France Active",
	"Les Entreprises pour la Cité", "Fondation Agir contre l'Exclusion", "Réseau Cocagne", "Coorace",
	"Fédération des acteurs de la solidarité", "Chantier École", "Mouvement Associatif", "ESS France", "Avise",
	"Uniformation", "Akto", "Opco EP", "Fondation Orange", "Société Générale Mécénat",
}

var demoInstitutions = []string{
	"Ministère du Travail", "DREETS Hauts-de-France", "Région Hauts-de-France", "Département du Nord",
	"Métropole Européenne de Lille", "Ville de Lille", "DGEFP", "Préfecture du Nord", "Conseil départemental de La Réunion",
}

var demoJobs = []string{
	"Directeur·rice", "Chargé·e d'insertion professionnelle", "Encadrant·e technique", "Accompagnateur·rice socioprofessionnel·le",
	"Président·e", "Responsable des partenariats", "Chargé·e de mission", "Coordinateur·rice", "Délégué·e régional·e",
	"Responsable administratif·ve et financier·e", "Chef·fe de projet", "Conseiller·ère emploi",
}

var demoDiets = []string{"", "", "", "", "", "", "Végétarien", "Végétarien", "Sans porc", "Vegan", "Sans gluten", "Halal", "Sans lactose"}

var demoWorkshops = []string{
	"Financer l'insertion : les nouveaux leviers", "Mobilité des salarié·es en parcours", "Égalité femmes-hommes dans nos structures",
	"Numérique et inclusion", "Accompagner les personnes réfugiées vers l'emploi", "Transition écologique et emplois locaux",
	"Les clauses sociales dans les marchés publics", "Santé et sécurité au travail", "Gouvernance et vie associative",
	"Outre-mer : insertion et territoires", "Former en situation de travail (AFEST)", "Lutter contre les discriminations à l'embauche",
	"Recycleries et économie circulaire", "Construire des parcours avec les entreprises", "Logement et insertion",
	"Agriculture et maraîchage d'insertion", "Plaidoyer et communication", "Mesurer notre impact social",
}

var demoZones = []string{"Solutions de territoire", "Solutions pour l'emploi", "Lutte contre les discriminations"}
