import GRDB
import Catalogue
