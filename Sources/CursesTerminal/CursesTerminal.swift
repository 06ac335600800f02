import BrowserUI
import CNcursesw
